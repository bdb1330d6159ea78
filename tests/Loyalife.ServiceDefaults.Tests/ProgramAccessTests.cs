using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Loyalife.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Loyalife.ServiceDefaults.Tests;

/// <summary>How a caller's programs and role are read from its claims, in whatever shape a provider sends them (docs/access.md).</summary>
public sealed class ProgramAccessTests
{
    private static readonly AccessOptions Defaults = new();

    private static ProgramAccess Of(params Claim[] claims) => ProgramAccess.Of(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")), Defaults);

    private static Claim Programs(string value, string type = ClaimValueTypes.String) => new("loyalife_programs", value, type);

    private static Claim Role(string value, string type = ClaimValueTypes.String) => new("roles", value, type);

    [Fact]
    public void ProgramsMayArriveAsOneClaimEachAsAJsonArrayOrAsOneString()
    {
        Assert.Equal(["a", "b"], Of(Programs("a"), Programs("b")).Programs.Order());
        Assert.Equal(["a", "b"], Of(Programs("""["a","b"]""")).Programs.Order());
        Assert.Equal(["a"], Of(Programs("a")).Programs);
    }

    [Fact]
    public void AStarIsEveryProgramEvenOnesNotYetCreated()
    {
        var access = Of(Programs("a"), Programs("*"), Role("loyalife.viewer"));

        Assert.True(access.EveryProgram);
        Assert.True(access.CanRead("created-tomorrow"));
        Assert.False(access.CanChange("created-tomorrow"));
    }

    [Theory]
    [InlineData("../a")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a%2Fb")]
    [InlineData("a?b")]
    [InlineData("a#")]
    [InlineData("a b")]
    [InlineData(" a")]
    [InlineData("a\u0000")]
    [InlineData("")]
    public void AProgramIdNoRouteCouldCarryIsDropped(string id)
    {
        Assert.Empty(Of(Programs(id), Role("loyalife.editor")).Programs);
        Assert.Empty(Of(Programs($"[{System.Text.Json.JsonSerializer.Serialize(id)}]")).Programs);
    }

    [Fact]
    public void AnIdLongerThanAnyProgramIdOrWithALoneSurrogateIsDropped()
    {
        Assert.Empty(Of(Programs(new string('p', 201))).Programs);
        Assert.Empty(Of(Programs("a" + (char)0xD800)).Programs);
    }

    [Theory]
    [InlineData("5", ClaimValueTypes.Integer)]
    [InlineData("true", ClaimValueTypes.Boolean)]
    [InlineData("""{"a":1}""", "JSON")]
    [InlineData("""["a"]""", "JSON_ARRAY")]
    public void AValueThatIsNotAStringGrantsNothing(string value, string type)
    {
        Assert.Empty(Of(Programs(value, type)).Programs);
        Assert.Equal(AccessRole.None, Of(Role(value, type)).Role);
    }

    [Theory]
    [InlineData("""[1,{"a":"b"},["c"],null,"d"]""", "d")]
    [InlineData("""[""", "")]
    [InlineData("""["a",""", "")]
    [InlineData("""{"a":"b"}""", "")]
    public void OnlyTheStringsOfAWellFormedJsonArrayCount(string value, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : [expected], Of(Programs(value)).Programs);

    [Fact]
    public void TenThousandProgramsAreReadAndMatchedExactly()
    {
        var access = Of([.. Enumerable.Range(0, 10_000).Select(i => Programs($"program-{i}")), Role("loyalife.viewer")]);

        Assert.Equal(10_000, access.Programs.Count);
        Assert.True(access.CanRead("program-9999"));
        Assert.False(access.CanRead("program-10000"));
        Assert.False(access.CanRead("PROGRAM-1"));
    }

    [Theory]
    [InlineData(AccessRole.Editor, "loyalife.editor")]
    [InlineData(AccessRole.Viewer, "loyalife.viewer")]
    [InlineData(AccessRole.Editor, "loyalife.viewer", "loyalife.editor")]
    [InlineData(AccessRole.Editor, """["loyalife.viewer","loyalife.editor"]""")]
    [InlineData(AccessRole.None)]
    [InlineData(AccessRole.None, "admin", "LOYALIFE.EDITOR", " loyalife.editor", "loyalife.editor ", "loyalife")]
    public void TheHighestKnownRoleCountsAndUnknownNamesAreIgnored(AccessRole expected, params string[] roles) =>
        Assert.Equal(expected, Of([.. roles.Select(role => Role(role))]).Role);

    [Fact]
    public void ARoleWithoutProgramsSeesNothingAndProgramsWithoutARoleMayDoNothing()
    {
        var editorOfNothing = Of(Role("loyalife.editor"));
        var noRole = Of(Programs("a"));

        Assert.False(editorOfNothing.Holds("a"));
        Assert.True(noRole.Holds("a"));
        Assert.False(noRole.CanRead("a"));
    }

    [Fact]
    public void ClaimNamesAndRoleValuesComeFromConfiguration()
    {
        var options = new AccessOptions { ProgramsClaim = "extension_programs", RoleClaim = "groups", ViewerRole = "Loyalife Viewers", EditorRole = "Loyalife Editors" };
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("extension_programs", "a"), new Claim("groups", "Loyalife Viewers"), Role("loyalife.editor")], "test"));

        var access = ProgramAccess.Of(user, options);

        Assert.Equal((AccessRole.Viewer, true, false), (access.Role, access.CanRead("a"), access.CanChange("a")));
    }

    [Fact]
    public async Task TheAdminTokenIsAnOperatorUnderTheConfiguredClaimNames()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Admin:Token"] = "operator-token", ["Admin:Access:ProgramsClaim"] = "extension_programs", ["Admin:Access:RoleClaim"] = "groups",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAdminAuthentication();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        var group = app.MapGroup("/v1").RequireProgramAccess();
        group.MapPut("/programs/{programId}", (ProgramAccess access, string programId) => $"{access.EveryProgram} {access.Role} {access.CanChange(programId)}");
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "operator-token");

        using var response = await http.PutAsync("/v1/programs/any-program", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("True Editor True", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Admin:Access:ProgramsClaim", "")]
    [InlineData("Admin:Access:EditorRole", " ")]
    [InlineData("Admin:Access:ViewerRole", "loyalife.editor")]
    public async Task AnEmptyOrAmbiguousAccessSettingStopsTheStart(string key, string value)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Admin:Token"] = "t", [key] = value });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAdminAuthentication();
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Admin:Access:", failure.Message, StringComparison.Ordinal);
    }
}

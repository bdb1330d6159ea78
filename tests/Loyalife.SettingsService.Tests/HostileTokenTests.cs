using System.Diagnostics;
using System.Text.Json.Nodes;
using static Loyalife.Testing.HostileAuth;

namespace Loyalife.SettingsService.Tests;

/// <summary>
/// Tokens no admin may pass with (401, and the token in no answer and no log line), and well-signed tokens whose
/// access claims are malformed (never a 5xx: a claim that is not a program or a role grants nothing). docs/access.md.
/// </summary>
public sealed class HostileTokenTests(SignedInSettingsFixture fixture) : IClassFixture<SignedInSettingsFixture>
{
    public static TheoryData<string, string, int> HostileClaims => new()
    {
        { "programs as a number", """{"programs":5,"roles":["loyalife.editor"]}""", 404 },
        { "programs as an object", """{"programs":{"{p}":true},"roles":["loyalife.editor"]}""", 404 },
        { "programs as a list of lists", """{"programs":[["{p}"]],"roles":["loyalife.editor"]}""", 404 },
        { "programs as a list of numbers and objects", """{"programs":[1,{"id":"{p}"},null,true],"roles":["loyalife.editor"]}""", 404 },
        { "an empty program list", """{"programs":[],"roles":["loyalife.editor"]}""", 404 },
        { "the program behind a path", """{"programs":["../{p}","{p}/..","x/../{p}","..%2F{p}","{p}\\x"],"roles":["loyalife.editor"]}""", 404 },
        { "the program with a NUL, a space or a query", """{"programs":["{p}\u0000","{p} ","{p}?x","{p}#"],"roles":["loyalife.editor"]}""", 404 },
        { "the program as one string", """{"programs":"{p}","roles":"loyalife.viewer"}""", 200 },
        { "the program in a JSON array inside a string", """{"programs":"[\"{p}\"]","roles":["loyalife.viewer"]}""", 200 },
        { "the program among malformed entries", """{"programs":[5,"../x","{p}",{"a":1}],"roles":["loyalife.viewer"]}""", 200 },
        { "roles of other names only", """{"programs":["{p}"],"roles":["admin","LOYALIFE.EDITOR"," loyalife.editor","loyalife.*"]}""", 403 },
        { "roles as a number", """{"programs":["{p}"],"roles":1}""", 403 },
        { "roles as an object", """{"programs":["{p}"],"roles":{"loyalife.editor":true}}""", 403 },
        { "roles as a list of lists", """{"programs":["{p}"],"roles":[["loyalife.editor"]]}""", 403 },
        { "a 10,000-name role list", $$"""{"programs":["{p}"],"roles":[{{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"r{i}\""))}}]}""", 431 },
        { "10,000 programs", $$"""{"programs":["{p}",{{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"program-{i}\""))}}],"roles":["loyalife.editor"]}""", 431 },
    };

    [Theory]
    [MemberData(nameof(HostileTokens.Kinds), MemberType = typeof(HostileTokens))]
    public async Task ABadTokenIsUnauthorizedAndNeitherAnsweredNorLogged(string kind)
    {
        var token = HostileTokens.Make(fixture.Issuer, kind, fixture.Configured);
        using var client = fixture.Host.Client(null);
        var before = fixture.Host.Logs.Lines().Count;

        foreach (var path in new[] { "/v1/programs", SettingsPaths.MoEngage(fixture.Configured) })
        {
            var failure = await new HostileRequest("GET", path, Bearer(token), [401]).SendAndJudgeAsync(client, [token]);
            Assert.True(failure is null, $"{kind} on {path}: {failure}");
        }

        var signature = token.Split('.')[2];
        Assert.DoesNotContain(fixture.Host.Logs.Lines().Skip(before), line =>
            line.Contains(token, StringComparison.Ordinal) || (signature.Length > 0 && line.Contains(signature, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(HostileClaims))]
    public async Task MalformedAccessClaimsGrantNothingAndNeverFailTheService(string name, string claims, int expected)
    {
        var given = JsonNode.Parse(claims.Replace("{p}", fixture.Configured, StringComparison.Ordinal))!.AsObject();
        var token = fixture.Issuer.Sign(fixture.Issuer.Claims("hostile@brand.example", given["programs"]?.DeepClone(), given["roles"]?.DeepClone()));
        using var client = fixture.Host.Client(null);

        var failure = await new HostileRequest("GET", SettingsPaths.MoEngage(fixture.Configured), Bearer(token), [expected]).SendAndJudgeAsync(client, [token]);

        Assert.True(failure is null, $"{name}: {failure}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task WithTheProviderUnreachableATokenIsUnauthorizedAndTheAdminTokenStillWorks()
    {
        var unreachable = new Dictionary<string, string?>(fixture.Issuer.Settings) { ["Admin:Jwt:Authority"] = $"http://127.0.0.1:{FreePort.Next()}" };
        await using var host = await SettingsServiceHost.StartAsync(unreachable);
        using var signedIn = host.Client(fixture.Issuer.Token("editor@brand.example", ["*"], "loyalife.editor"));

        var started = Stopwatch.StartNew();
        var refused = await signedIn.GetAsync("/v1/programs");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"a refusal took {started.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.GetAsync("/v1/programs")).StatusCode);
    }
}

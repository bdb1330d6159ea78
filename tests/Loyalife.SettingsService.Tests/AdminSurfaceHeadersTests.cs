using System.Text.RegularExpressions;

namespace Loyalife.SettingsService.Tests;

/// <summary>The admin surface's headers: the page runs only its own script, is never framed, and no API answer is cached.</summary>
public sealed partial class AdminSurfaceHeadersTests(SettingsHostFixture fixture) : IClassFixture<SettingsHostFixture>
{
    [Theory]
    [InlineData("/admin", false)]
    [InlineData("/v1/programs", true)]
    [InlineData("/v1/programs/demo/integrations/moengage", true)]
    [InlineData("/v1/programs/demo/integrations/moengage/sync-runs", true)]
    [InlineData("/health", false)]
    public async Task EveryAnswerForbidsFramingForeignScriptSniffingReferrersAndCaching(string path, bool admin)
    {
        using var response = await (admin ? fixture.Host.Admin : fixture.Host.Anonymous).GetAsync(path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task ThePagesOwnFilesAreRevalidatedSoANewVersionIsSeenAtOnce()
    {
        using var script = await fixture.Host.Anonymous.GetAsync("/admin/admin.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True(script.Headers.CacheControl?.NoCache);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", script.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public void ThePageHasNoInlineScriptHandlerOrStyleTheCspWouldBlock()
    {
        var folder = Path.Combine(Repository.Root, "Loyalife.SettingsService", "wwwroot", "admin");
        foreach (var file in Directory.GetFiles(folder, "*.html"))
        {
            var html = File.ReadAllText(file);
            Assert.Empty(InlineScript().Matches(html));
            Assert.Empty(HandlerAttribute().Matches(html));
            Assert.Empty(StyleAttribute().Matches(html));
        }

        // Scripts build the page with DOM calls; a style attribute set through setAttribute or innerHTML would be refused.
        foreach (var file in Directory.GetFiles(folder, "*.js"))
        {
            var script = File.ReadAllText(file);
            Assert.DoesNotContain(".innerHTML", script);
            Assert.DoesNotContain("setAttribute(\"style\"", script);
            Assert.DoesNotContain("eval(", script);
        }
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HandlerAttribute();

    [GeneratedRegex("\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}

using System.Text.RegularExpressions;

namespace Loyalife.SettingsService.Tests;

/// <summary>
/// The admin page's signed-in session over plain HTTP, against the development identity provider in this
/// process: the browser holds only a session id, changes need the page's header, and the dispatcher is
/// called with the person's own access token.
/// </summary>
public sealed partial class AdminSessionTests
{
    [Fact]
    public async Task ASignedInPersonsCookieHoldsNoTokenAndMeSaysWhoTheyAre()
    {
        await using var signedIn = await SignedInAsync("demo-editor");

        using var me = await signedIn.Client.GetAsync("/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var caller = await Json.ReadAsync(me);
        Assert.Equal("Eddie Editor", caller.Text("name"));
        Assert.Equal("loyalife.editor", caller.Text("role"));
        Assert.Equal(["demo"], caller.GetProperty("programs").EnumerateArray().Select(p => p.GetString()!).ToArray());
        Assert.True(caller.GetProperty("session").GetBoolean());
        var cookie = Assert.Single(signedIn.Cookies.GetCookies(signedIn.Host.AppUrl), c => c.Name == "loyalife-admin-session");
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain("eyJ", cookie.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeWithTheSessionCookieButWithoutThePagesHeaderIsNotSignedIn()
    {
        await using var signedIn = await SignedInAsync("demo-editor");
        var body = new { enabled = false, appId = "SESSION-APP", apiKey = "SessionKey0123456", dashboardUrl = "https://dashboard-01.moengage.com" };

        using var forged = await signedIn.Client.PutAsJsonAsync(SettingsPaths.MoEngage("demo"), body);
        using var request = new HttpRequestMessage(HttpMethod.Put, SettingsPaths.MoEngage("demo")) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Loyalife-Admin", "1");
        using var fromThePage = await signedIn.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, fromThePage.StatusCode);
    }

    [Fact]
    public async Task ThePagesCallsToTheDispatcherCarryThePersonsAccessToken()
    {
        await using var signedIn = await SignedInAsync("demo-editor");
        var seen = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{signedIn.Host.DispatcherPort}");
        await using var dispatcher = builder.Build();
        dispatcher.MapGet("/v1/programs/{programId}/sync-runs", (HttpRequest request) =>
        {
            seen.Enqueue(request.Headers.Authorization.ToString());
            return Results.Json(Array.Empty<object>());
        });
        await dispatcher.StartAsync();

        using var runs = await signedIn.Client.GetAsync($"{SettingsPaths.MoEngage("demo")}/sync-runs");

        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        var authorization = Assert.Single(seen);
        Assert.StartsWith("Bearer eyJ", authorization);
        var payload = authorization.Split('.')[1];
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.Replace('-', '+').Replace('_', '/').PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
        Assert.Equal("demo-editor", claims.Text("sub"));
        Assert.Equal(SignInSetup.Audience, claims.Text("aud"));
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        await using var signedIn = await SignedInAsync("kolkata-viewer");

        using var signOut = await signedIn.Client.GetAsync("/admin/sign-out");
        using var me = await signedIn.Client.GetAsync("/v1/me");

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.EndsWith("/admin", signOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    /// <summary>Walks the code flow as a browser does: the page's Sign in, the provider's page, the person's link, back.</summary>
    private static async Task<SignedInClient> SignedInAsync(string person)
    {
        var providerPort = FreePort.Next();
        var host = await SettingsServiceHost.StartAsync(SignInSetup.ServiceSettings(providerPort));
        var provider = await SignInSetup.StartProviderAsync(providerPort, host.AppUrl);
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = host.AppUrl };

        using var chooser = await client.GetAsync("/admin/sign-in");
        var page = await chooser.Content.ReadAsStringAsync();
        var link = PersonLink().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["href"].Value)).Single(href => href.Contains($"person={person}", StringComparison.Ordinal));
        using var back = await client.GetAsync(new Uri(chooser.RequestMessage!.RequestUri!, link));
        Assert.Equal("/admin", back.RequestMessage!.RequestUri!.AbsolutePath);
        return new SignedInClient(host, provider, client, cookies);
    }

    [GeneratedRegex("href=\"(?<href>/connect/authorize[^\"]*)\"")]
    private static partial Regex PersonLink();

    private sealed record SignedInClient(SettingsServiceHost Host, IAsyncDisposable Provider, HttpClient Client, CookieContainer Cookies) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await Provider.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}

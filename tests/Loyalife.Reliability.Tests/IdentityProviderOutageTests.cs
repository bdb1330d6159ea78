using System.Net;

namespace Loyalife.Reliability.Tests;

[Trait("Suite", "System")]
public sealed class IdentityProviderOutageTests
{
    [Fact]
    public async Task TheNightlyRunSucceedsWhileTheIdentityProviderCannotBeReached()
    {
        // Every service is pointed at a provider no one answers for: nothing listens on a freshly freed port.
        var nowhere = $"http://127.0.0.1:{FreePort.Next()}";
        await using var system = await LoyalifeSystem.StartAsync(serviceSettings: new Dictionary<string, string?>
        {
            ["Admin:Jwt:Authority"] = nowhere,
            ["Admin:Jwt:Audience"] = "loyalife-admin",
            ["Admin:Jwt:RequireHttpsMetadata"] = "false",
            ["Admin:SignIn:ClientId"] = "loyalife-admin-page",
        });
        // The shared admin token does not need the provider either.
        await system.ConnectWorkspaceAsync("idp-down-app", "idp-down-key");
        using var admin = system.AdminClient(system.Dispatcher.Url);

        var runs = await Wait.UntilAsync(
            async () =>
            {
                await system.TickAsync();
                return await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{LoyalifeSystem.ProgramId}/sync-runs");
            },
            list => list.EnumerateArray().Any(run => run.GetProperty("status").GetString() == "succeeded"),
            TimeSpan.FromSeconds(90),
            list => $"no succeeded nightly run yet: {list.GetRawText()}",
            every: TimeSpan.FromSeconds(1));

        var night = runs.EnumerateArray().First(run => run.GetProperty("status").GetString() == "succeeded");
        Assert.True(night.GetProperty("report").GetProperty("membersSent").GetInt64() > 0, night.GetRawText());
        // A person trying to sign in meanwhile is told the provider is away, not given a 500.
        using var browserLike = new HttpClient { BaseAddress = system.Settings.Url };
        using var signIn = await browserLike.GetAsync("/admin/sign-in");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, signIn.StatusCode);
        Assert.Contains("cannot be reached", await signIn.Content.ReadAsStringAsync());
    }
}

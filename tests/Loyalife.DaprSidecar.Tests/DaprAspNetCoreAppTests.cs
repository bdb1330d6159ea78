using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.DaprSidecar.Tests;

/// <summary>The services' own arrangement: internal routes behind Dapr.AspNetCore's app-token scheme.</summary>
public sealed class DaprAspNetCoreAppTests : IAsyncLifetime
{
    private const string AppToken = "shared-app-token";
    private readonly TestSidecars sidecars = new(apiToken: "dapr-token", appApiToken: AppToken);
    private WebApplication app = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddAuthentication().AddDapr(o => o.Token = AppToken);
        builder.Services.AddAuthorization(o => o.AddDapr("Dapr"));
        app = builder.Build();
        app.MapGet("/internal/ping", () => "pong").RequireAuthorization("Dapr");
        await app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await sidecars.DisposeAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task AnInternalRouteAnswersCallsThroughTheSidecarsAndRefusesDirectOnes()
    {
        await sidecars.StartAsync("internal-app", new Uri(app.Urls.First()).Port);
        var caller = await sidecars.StartAsync("caller");
        using var direct = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var throughDapr = await sidecars.Invoker(caller, "internal-app").GetAsync("/internal/ping");
        using var bypassing = await direct.GetAsync("/internal/ping");

        Assert.Equal(HttpStatusCode.OK, throughDapr.StatusCode);
        Assert.Equal("pong", await throughDapr.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, bypassing.StatusCode);
    }
}

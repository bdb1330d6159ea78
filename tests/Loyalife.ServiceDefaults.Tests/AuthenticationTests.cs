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

/// <summary>The one admin and Dapr sign-in every service uses, on a small app of its own.</summary>
public sealed class AuthenticationTests
{
    private const string AdminToken = "admin-token-for-auth-tests";
    private const string AppApiToken = "app-api-token-for-auth-tests";

    private static WebApplication Build(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?> { ["Admin:Token"] = AdminToken, ["APP_API_TOKEN"] = AppApiToken }.With(overrides);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddAdminAuthentication();
        builder.AddDaprAppTokenAuthentication();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/admin", (ClaimsPrincipal user) => AdminUser.NameOf(user)).RequireAuthorization(AuthPolicies.Admin);
        app.MapGet("/internal", () => "ok").RequireAuthorization(AuthPolicies.ThroughDapr);
        return app;
    }

    private static async Task<HttpResponseMessage> GetAsync(WebApplication app, string path, string? bearer = null, string? daprToken = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (daprToken is not null)
        {
            request.Headers.Add("dapr-api-token", daprToken);
        }

        return await http.SendAsync(request);
    }

    [Fact]
    public async Task TheAdminTokenSignsInUnderItsConfiguredName()
    {
        await using var app = Build();
        await app.StartAsync();

        using var response = await GetAsync(app, "/admin", AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("admin-token", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-admin-token")]
    [InlineData(AdminToken + "x")]
    [InlineData(AppApiToken)]
    public async Task AnythingButTheAdminTokenIsUnauthorizedAndToldToBringABearer(string? bearer)
    {
        await using var app = Build();
        await app.StartAsync();

        using var response = await GetAsync(app, "/admin", bearer, daprToken: AppApiToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task AChangedAdminTokenTakesEffectWithoutARestart()
    {
        await using var app = Build();
        await app.StartAsync();

        app.Configuration["Admin:Token"] = "rotated-admin-token";
        ((IConfigurationRoot)app.Configuration).Reload();

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(app, "/admin", AdminToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(app, "/admin", "rotated-admin-token")).StatusCode);
    }

    [Theory]
    [InlineData(AppApiToken, HttpStatusCode.OK)]
    [InlineData("not-the-app-token", HttpStatusCode.Unauthorized)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task OnlyTheSidecarsAppTokenPassesThroughDapr(string? daprToken, HttpStatusCode expected)
    {
        await using var app = Build();
        await app.StartAsync();

        // The admin token is no way in to an internal endpoint.
        using var response = await GetAsync(app, "/internal", AdminToken, daprToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("APP_API_TOKEN", "", "APP_API_TOKEN")]
    [InlineData("APP_API_TOKEN", "   ", "APP_API_TOKEN")]
    [InlineData("Admin:Token", "", "Admin:Token")]
    [InlineData("Admin:Jwt:Authority", "https://login.example/", "Admin:Jwt:Audience")]
    public async Task AMissingOrContradictorySettingStopsTheStartWithAMessageNamingIt(string key, string value, string message)
    {
        await using var app = Build(new Dictionary<string, string?> { [key] = value });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.True(failure.Message.Contains(message, StringComparison.Ordinal), failure.Message);
    }

    [Fact]
    public async Task AJwtIssuerAloneIsEnoughForAdmins()
    {
        await using var app = Build(new Dictionary<string, string?>
        {
            ["Admin:Token"] = "",
            ["Admin:Jwt:Authority"] = "https://login.example/",
            ["Admin:Jwt:Audience"] = "loyalife-admin",
        });
        await app.StartAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(app, "/admin", AdminToken)).StatusCode);
    }
}

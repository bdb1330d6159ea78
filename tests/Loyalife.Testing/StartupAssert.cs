using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Loyalife.Testing;

/// <summary>A service that must not start on a missing or contradictory setting, and must say which.</summary>
public static class StartupAssert
{
    /// <summary>Rows (key, value, message) every service refuses at start: the settings its admin and app authentication need.</summary>
    public static TheoryData<string, string, string> AuthenticationSettings => new()
    {
        { "APP_API_TOKEN", "", "APP_API_TOKEN" },
        { "Admin:Token", "", "Admin:Token" },
        { "Admin:Jwt:Authority", "https://login.example/", "Admin:Jwt:Audience" },
    };

    /// <summary>
    /// Starts a service's own registrations on a plain host, with what any service needs to start (a database it
    /// never reaches, the two tokens), then <paramref name="serviceSettings"/>, then <paramref name="key"/> set to
    /// <paramref name="value"/>; asserts the start stops with an options failure whose message holds
    /// <paramref name="message"/>. A plain host, not WebApplicationFactory: that sometimes reports a failed start
    /// as an ObjectDisposedException of its own, which would hide the message under test.
    /// </summary>
    public static async Task FailsNamingAsync(string key, string value, string message,
        Action<WebApplicationBuilder> addServices, IReadOnlyDictionary<string, string?>? serviceSettings = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = "Host=127.0.0.1;Database=unused",
            ["Admin:Token"] = "token",
            ["APP_API_TOKEN"] = "app-token",
        };
        foreach (var (name, setting) in serviceSettings ?? new Dictionary<string, string?>())
        {
            settings[name] = setting;
        }

        settings[key] = value;
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        addServices(builder);
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.True(failure.Message.Contains(message, StringComparison.Ordinal), failure.Message);
    }
}

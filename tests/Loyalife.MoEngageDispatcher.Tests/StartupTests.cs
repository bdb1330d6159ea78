using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("APP_API_TOKEN", "", "APP_API_TOKEN")]
    [InlineData("Admin:Token", "", "Admin:Token")]
    [InlineData("Admin:Jwt:Authority", "https://login.example/", "Admin:Jwt:Audience")]
    public async Task AMissingOrContradictorySettingStopsTheStartWithAMessageNamingIt(string key, string value, string message)
    {
        // The service's own registrations on a plain host, as settings-service's start-up tests do.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:redis"] = "127.0.0.1:1",
            ["Admin:Token"] = "token",
            ["APP_API_TOKEN"] = "app-token",
            [key] = value,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddDispatcherServices();
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.True(failure.Message.Contains(message, StringComparison.Ordinal), failure.Message);
    }
}

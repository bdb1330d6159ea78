using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Loyalife.SettingsService.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("APP_API_TOKEN", "", "APP_API_TOKEN")]
    [InlineData("SecretStore:Kind", "KeyVault", "SecretStore:VaultUri")]
    [InlineData("SecretStore:VaultUri", "https://vault.example/", "SecretStore:VaultUri is set but SecretStore:Kind is LocalFile")]
    [InlineData("SecretStore:FilePath", "relative/secrets.json", "SecretStore:FilePath")]
    [InlineData("MoEngage:ApiBaseUrl", "https://api.moengage.com", "{dc}")]
    [InlineData("Admin:Token", "", "Admin:Token")]
    public async Task AMissingOrContradictorySettingStopsTheStartWithAMessageNamingIt(string key, string value, string message)
    {
        // The service's own registrations on a plain host: WebApplicationFactory sometimes reports a failed
        // start as an ObjectDisposedException of its own, which would hide the message under test.
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = "Host=127.0.0.1;Database=unused",
            ["Admin:Token"] = "token",
            ["APP_API_TOKEN"] = "app-token",
            ["SecretStore:FilePath"] = Path.Combine(Path.GetTempPath(), "unused-secrets.json"),
            [key] = value,
        };
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSettingsServices();
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.True(failure.Message.Contains(message, StringComparison.Ordinal), failure.Message);
    }

    [Fact]
    public async Task KeyVaultWithAVaultUriIsAValidChoice()
    {
        await using var host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["SecretStore:Kind"] = "KeyVault",
            ["SecretStore:FilePath"] = "",
            ["SecretStore:VaultUri"] = "https://loyalife-test.vault.azure.net/",
        });

        Assert.IsType<Loyalife.SettingsService.Secrets.KeyVaultSecretWriter>(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Loyalife.SettingsService.Secrets.ISecretWriter>(host.Services));
    }
}

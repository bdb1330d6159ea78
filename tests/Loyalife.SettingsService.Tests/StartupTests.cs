using Loyalife.SettingsService.Tests.Infrastructure;

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
        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?> { [key] = value });
        });

        Assert.True(failure.ToString().Contains(message, StringComparison.Ordinal), failure.ToString());
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

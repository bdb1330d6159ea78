namespace Loyalife.SettingsService.Tests;

public sealed class StartupTests
{
    [Theory]
    [MemberData(nameof(StartupAssert.AuthenticationSettings), MemberType = typeof(StartupAssert))]
    [InlineData("SecretStore:Kind", "KeyVault", "SecretStore:VaultUri")]
    [InlineData("SecretStore:VaultUri", "https://vault.example/", "SecretStore:VaultUri is set but SecretStore:Kind is LocalFile")]
    [InlineData("SecretStore:FilePath", "relative/secrets.json", "SecretStore:FilePath")]
    [InlineData("MoEngage:ApiBaseUrl", "https://api.moengage.com", "{dc}")]
    public Task AMissingOrContradictorySettingStopsTheStartWithAMessageNamingIt(string key, string value, string message) =>
        StartupAssert.FailsNamingAsync(key, value, message, builder => builder.AddSettingsServices(),
            new Dictionary<string, string?> { ["SecretStore:FilePath"] = Path.Combine(Path.GetTempPath(), "unused-secrets.json") });

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

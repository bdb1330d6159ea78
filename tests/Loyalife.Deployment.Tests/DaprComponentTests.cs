namespace Loyalife.Deployment.Tests;

public sealed class DaprComponentTests
{
    // Container Apps offers no local-file secret store; in Azure the same store name is Key Vault.
    private static readonly Dictionary<string, string> AzureTypeOf = new()
    {
        ["secretstores.local.file"] = "secretstores.azure.keyvault",
    };

    public static TheoryData<string> ComponentFiles() => [.. LocalComponents.Files()];

    [Theory]
    [MemberData(nameof(ComponentFiles))]
    public async Task EachLocalComponentHasAnAzureCounterpartWithTheSameNameTypeAndScopes(string file)
    {
        var local = LocalComponents.Load(file);
        var azure = (await InfraComponents.AllAsync()).SingleOrDefault(component => component.Name == local.Name);

        Assert.True(azure is not null, $"infra/ declares no Dapr component named '{local.Name}' (from components/{file}).");
        Assert.Equal(AzureTypeOf.GetValueOrDefault(local.Type, local.Type), azure.Type);
        Assert.Equal(local.Scopes.Order(), azure.Scopes.Order());
    }

    [Fact]
    public async Task InfraDeclaresNoComponentThatIsMissingLocally()
    {
        var local = LocalComponents.All().Select(component => component.Name);
        var azure = (await InfraComponents.AllAsync()).Select(component => component.Name);

        Assert.Equal(local.Order(), azure.Order());
    }

    [Fact]
    public async Task ComponentsOfTheSameTypeCarryTheSameMetadata()
    {
        // The cron binding must fire on the same schedule, as an input binding, in both places.
        var azure = await InfraComponents.AllAsync();
        foreach (var local in LocalComponents.All().Where(component => !AzureTypeOf.ContainsKey(component.Type)))
        {
            var counterpart = azure.Single(component => component.Name == local.Name);
            Assert.Equal(local.Metadata.OrderBy(item => item.Key), counterpart.Metadata.OrderBy(item => item.Key));
        }
    }

    [Fact]
    public async Task SecretStoreReadsKeyVaultAsSettingsServicesIdentity()
    {
        var store = (await InfraComponents.AllAsync()).Single(component => component.Name == "secretstore");

        Assert.Equal("secretstores.azure.keyvault", store.Type);
        Assert.Contains("vaultName", store.Metadata.Keys);
        // Without azureClientId the component would look for a system-assigned identity the app does not have.
        Assert.Contains("azureClientId", store.Metadata.Keys);
        Assert.Equal(["settings-service"], store.Scopes);
    }
}

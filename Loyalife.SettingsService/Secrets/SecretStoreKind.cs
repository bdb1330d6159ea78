namespace Loyalife.SettingsService.Secrets;

public enum SecretStoreKind
{
    /// <summary>The JSON file the local Dapr secret store (secretstores.local.file) reads.</summary>
    LocalFile,

    /// <summary>Azure Key Vault, the backend of secretstores.azure.keyvault.</summary>
    KeyVault,
}

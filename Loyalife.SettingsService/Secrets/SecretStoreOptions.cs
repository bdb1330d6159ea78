namespace Loyalife.SettingsService.Secrets;

public sealed class SecretStoreOptions : IValidatableObject
{
    public const string Section = "SecretStore";

    /// <summary>The Dapr secret store component settings-service reads from.</summary>
    public const string DaprStoreName = "secretstore";

    public SecretStoreKind Kind { get; set; } = SecretStoreKind.LocalFile;

    /// <summary>LocalFile: absolute path of the JSON file the sidecar's local.file store reads.</summary>
    public string? FilePath { get; set; }

    /// <summary>KeyVault: the vault, e.g. https://my-vault.vault.azure.net/.</summary>
    public string? VaultUri { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        switch (Kind)
        {
            case SecretStoreKind.LocalFile when string.IsNullOrWhiteSpace(FilePath) || !Path.IsPathFullyQualified(FilePath):
                yield return new ValidationResult("SecretStore:Kind LocalFile needs SecretStore:FilePath, the absolute path of the sidecar's secrets file.");
                break;
            case SecretStoreKind.LocalFile when !string.IsNullOrEmpty(VaultUri):
                yield return new ValidationResult("SecretStore:VaultUri is set but SecretStore:Kind is LocalFile: set Kind to KeyVault or remove VaultUri.");
                break;
            case SecretStoreKind.KeyVault when !Uri.TryCreate(VaultUri, UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps:
                yield return new ValidationResult("SecretStore:Kind KeyVault needs SecretStore:VaultUri, the vault's https URL.");
                break;
            case SecretStoreKind.KeyVault when !string.IsNullOrEmpty(FilePath):
                yield return new ValidationResult("SecretStore:FilePath is set but SecretStore:Kind is KeyVault: remove FilePath or set Kind to LocalFile.");
                break;
        }
    }
}

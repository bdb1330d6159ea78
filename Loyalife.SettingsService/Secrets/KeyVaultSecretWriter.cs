using Azure;
using Azure.Security.KeyVault.Secrets;

namespace Loyalife.SettingsService.Secrets;

/// <summary>Writes to Azure Key Vault, which the Dapr store secretstores.azure.keyvault then serves.</summary>
public sealed class KeyVaultSecretWriter(SecretClient client) : ISecretWriter
{
    public async Task WriteAsync(string name, string value, CancellationToken ct) =>
        await client.SetSecretAsync(new KeyVaultSecret(name, value) { Properties = { ContentType = "text/plain" } }, ct);

    public async Task DeleteAsync(string name, CancellationToken ct)
    {
        try
        {
            // Soft delete: the vault keeps it for its retention period. Names are never reused (one per
            // saved version), so a soft-deleted name never blocks a later write.
            await client.StartDeleteSecretAsync(name, ct);
        }
        catch (RequestFailedException exception) when (exception.Status == StatusCodes.Status404NotFound)
        {
        }
    }
}

using Dapr;

namespace Loyalife.SettingsService.Secrets;

/// <summary>Reads secrets only through the Dapr secret store API, whatever backend holds them.</summary>
public sealed class SecretReader(DaprClient dapr)
{
    /// <returns>The value, or null when the store cannot produce it (missing or store unreachable).</returns>
    public async Task<string?> TryReadAsync(string name, CancellationToken ct)
    {
        try
        {
            var values = await dapr.GetSecretAsync(SecretStoreOptions.DaprStoreName, name, cancellationToken: ct);
            return values.TryGetValue(name, out var value) ? value
                : values.Count == 1 ? values.Values.Single()
                : null;
        }
        catch (DaprException)
        {
            return null;
        }
    }
}

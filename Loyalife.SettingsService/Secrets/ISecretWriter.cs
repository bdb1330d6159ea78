namespace Loyalife.SettingsService.Secrets;

/// <summary>
/// Writes to the secret store's own backend. The Dapr secrets API is read-only, so writes go around it;
/// reads never do (see <see cref="SecretReader"/>).
/// </summary>
public interface ISecretWriter
{
    Task WriteAsync(string name, string value, CancellationToken ct);

    /// <summary>Removes the secret; a secret that is already gone is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken ct);
}

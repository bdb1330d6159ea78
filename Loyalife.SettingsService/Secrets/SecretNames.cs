using System.Security.Cryptography;

namespace Loyalife.SettingsService.Secrets;

/// <summary>
/// One secret per saved key version: <c>moengage-api-key-{sha256(programId)}-{version}</c>. Key-Vault-safe
/// (<c>[0-9a-zA-Z-]</c>, 114 characters), collision-free for any program id, and a new name per save, so the
/// row that points at a secret never points at a half-written one (see SettingsCommands).
/// </summary>
public static class SecretNames
{
    public const string Prefix = "moengage-api-key-";

    /// <summary>An alert target's signing secret: <c>alert-signing-secret-{sha256(programId)}-{guid}</c>, one per target.</summary>
    public const string SigningSecretPrefix = "alert-signing-secret-";

    public static string NewVersion(string programId) => $"{ForProgram(programId)}-{Guid.NewGuid():N}";

    public static string ForProgram(string programId) => Prefix + Hash(programId);

    public static string NewSigningSecret(string programId) => $"{SigningSecretPrefix}{Hash(programId)}-{Guid.NewGuid():N}";

    private static string Hash(string programId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(programId)));
}

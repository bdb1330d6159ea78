namespace Loyalife.SettingsService.Settings;

/// <summary>
/// Shows enough of a key to recognise it, never enough to matter: at most the last four characters and
/// at most a quarter of the key, behind a fixed run of dots that does not give the length away. It is
/// worked out from the key as the secret store holds it, so no part of a key is ever stored elsewhere.
/// </summary>
public static class ApiKeyMask
{
    public const string Dots = "••••••••";

    public static string Hint(string apiKey) => apiKey[^Math.Min(4, apiKey.Length / 4)..];

    public static string Mask(string hint) => Dots + hint;

    /// <summary>The masked key; only the dots when the secret store could not produce the key.</summary>
    public static string Of(string? apiKey) => Mask(apiKey is null ? "" : Hint(apiKey));
}

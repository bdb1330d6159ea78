namespace Loyalife.SettingsService.Settings;

/// <summary>
/// Shows enough of a key to recognise it, never enough to matter: at most the last four characters and
/// at most a quarter of the key, behind a fixed run of dots that does not give the length away.
/// </summary>
public static class ApiKeyMask
{
    public const string Dots = "••••••••";

    public static string Hint(string apiKey) => apiKey[^Math.Min(4, apiKey.Length / 4)..];

    public static string Mask(string hint) => Dots + hint;
}

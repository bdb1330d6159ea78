namespace Loyalife.Testing;

/// <summary>How every test host takes a test's own settings: on top of its defaults, a test's value winning.</summary>
public static class SettingsOverlay
{
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, IEnumerable<KeyValuePair<string, string?>>? overrides)
    {
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }
}

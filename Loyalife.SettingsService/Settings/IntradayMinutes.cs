namespace Loyalife.SettingsService.Settings;

/// <summary>
/// How often the intraday lane sends the open day's events (docs/architecture.md, "The intraday lane"): a whole
/// number of minutes from 1 to 60, or null for the nightly run only. Read from the raw JSON value, so a string,
/// a fraction or an out-of-range number is a 400 naming the field rather than a body the server could not read.
/// </summary>
public static class IntradayMinutes
{
    public const string Field = "intradayMinutes";
    public const int Min = 1;
    public const int Max = 60;

    /// <summary>
    /// The value a PUT asks for. <paramref name="given"/> false: the field was left out (keep what is stored);
    /// <paramref name="minutes"/> null with <paramref name="given"/> true: nightly only.
    /// </summary>
    public static string? TryRead(JsonElement value, out bool given, out int? minutes)
    {
        given = value.ValueKind != JsonValueKind.Undefined;
        minutes = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            case JsonValueKind.Number when value.TryGetInt32(out var number) && number is >= Min and <= Max:
                minutes = number;
                return null;
            default:
                return $"{Field} must be a whole number of minutes from {Min} to {Max}, or null to send only in the nightly run.";
        }
    }
}

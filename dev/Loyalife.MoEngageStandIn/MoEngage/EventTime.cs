namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// An action's time. MoEngage's spec takes <c>current_time</c> (UTC) and <c>user_time</c> (local) as a number or a
/// string, ISO 8601 or epoch seconds, and its own examples send epoch milliseconds, as numbers and as strings
/// (<c>"1708939453396"</c>); so an epoch of 10¹¹ or more is read as milliseconds. Without <c>current_time</c> the
/// event happened at <c>user_time</c> less <c>user_timezone_offset</c> (seconds; MoEngage otherwise takes the
/// profile's zone, which the stand-in reads as UTC), and without either, when it was received.
/// </summary>
internal static class EventTime
{
    public const string Current = "current_time";
    public const string User = "user_time";

    private const long MillisecondsThreshold = 100_000_000_000;
    private const int MaxOffsetSeconds = 54_000;
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>False, naming the field, when a time is present but unreadable.</summary>
    public static bool TryRead(JsonElement action, DateTime receivedAt, out DateTime time, out string? unreadable)
    {
        time = receivedAt;
        unreadable = null;
        DateTime? current = null, local = null;
        if (action.TryGetProperty("current_time"u8, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            current = Read(value);
            unreadable = current is null ? Current : null;
        }

        if (action.TryGetProperty("user_time"u8, out var userValue) && userValue.ValueKind != JsonValueKind.Null)
        {
            local = Read(userValue);
            unreadable ??= local is null ? User : null;
        }

        if (unreadable is not null)
        {
            return false;
        }

        time = current ?? (local is { } at ? at.AddSeconds(-Offset(action)) : receivedAt);
        return true;
    }

    /// <summary>For an action already validated.</summary>
    public static DateTime Read(JsonElement action, DateTime receivedAt)
    {
        TryRead(action, receivedAt, out var time, out _);
        return time;
    }

    private static DateTime? Read(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out var epoch):
                return FromEpoch(epoch);
            case JsonValueKind.Number when value.TryGetDouble(out var fractional) && fractional is >= 0 and < long.MaxValue:
                return FromEpoch((long)fractional);
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit))
                {
                    return FromEpoch(long.Parse(text, CultureInfo.InvariantCulture));
                }

                return value.TryGetDateTimeOffset(out var iso)
                    || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out iso)
                    ? iso.UtcDateTime
                    : null;
            default:
                return null;
        }
    }

    private static DateTime? FromEpoch(long epoch)
    {
        if (epoch < 0 || epoch > MaxMilliseconds)
        {
            return null;
        }

        return (epoch >= MillisecondsThreshold
            ? DateTimeOffset.FromUnixTimeMilliseconds(epoch)
            : DateTimeOffset.FromUnixTimeSeconds(epoch)).UtcDateTime;
    }

    private static double Offset(JsonElement action) =>
        action.TryGetProperty("user_timezone_offset"u8, out var offset) && offset.TryGetDouble(out var seconds)
            && Math.Abs(seconds) <= MaxOffsetSeconds
            ? seconds
            : 0;
}

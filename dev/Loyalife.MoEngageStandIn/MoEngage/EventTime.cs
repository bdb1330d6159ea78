namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>An action's <c>current_time</c>: ISO 8601 text or epoch seconds (milliseconds when that large).</summary>
internal static class EventTime
{
    private const long MillisecondsThreshold = 100_000_000_000;
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>False when present but unreadable; an absent time means "when received".</summary>
    public static bool TryRead(JsonElement action, DateTime receivedAt, out DateTime time)
    {
        time = receivedAt;
        if (!action.TryGetProperty("current_time"u8, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var epoch))
        {
            if (epoch < 0 || epoch > MaxMilliseconds)
            {
                return false;
            }

            var offset = epoch >= MillisecondsThreshold
                ? DateTimeOffset.FromUnixTimeMilliseconds(epoch)
                : DateTimeOffset.FromUnixTimeSeconds(epoch);
            time = offset.UtcDateTime;
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (value.TryGetDateTimeOffset(out var iso)
            || DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out iso))
        {
            time = iso.UtcDateTime;
            return true;
        }

        return false;
    }
}

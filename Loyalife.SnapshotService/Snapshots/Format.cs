namespace Loyalife.SnapshotService.Snapshots;

/// <summary>Dates as MoEngage reads them (docs/moengage.md): local `YYYY-MM-DD`, instants ISO 8601 UTC ending in Z.</summary>
public static class Format
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds print as MoEngage's date form `YYYY-MM-DDTHH:mm:ssZ`; sub-second parts only when present.</summary>
    public static string Instant(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static long Micros(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTime FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + micros * 10, DateTimeKind.Utc);
}

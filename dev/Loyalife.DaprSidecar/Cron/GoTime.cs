namespace Loyalife.DaprSidecar.Cron;

/// <summary>Go's <c>time.Time.String()</c> of a UTC instant (<c>2026-11-28 02:00:00.000811446 +0000 UTC</c>), as daprd's cron binding sends it.</summary>
internal static class GoTime
{
    public static string Format(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var nanoseconds = (utc.Ticks % TimeSpan.TicksPerSecond * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        var fraction = nanoseconds.Length == 0 ? "" : "." + nanoseconds;
        return utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + fraction + " +0000 UTC";
    }
}

using System.Text.RegularExpressions;

namespace Loyalife.DaprSidecar.Cron;

/// <summary>Go's <c>time.ParseDuration</c> syntax (<c>15m</c>, <c>1h30m</c>, <c>2.5s</c>, <c>500ms</c>), which <c>@every</c> takes.</summary>
internal static partial class GoDuration
{
    public static TimeSpan Parse(string text)
    {
        if (text == "0")
            return TimeSpan.Zero;
        if (!Whole().IsMatch(text))
            throw new FormatException($"'{text}' is not a duration like 15m, 1h30m or 2s.");
        var ticks = 0.0;
        foreach (Match part in Part().Matches(text))
        {
            var amount = double.Parse(part.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            ticks += amount * part.Groups[2].Value switch
            {
                "ns" => TimeSpan.TicksPerMicrosecond / 1000.0,
                "us" or "µs" or "μs" => TimeSpan.TicksPerMicrosecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                _ => TimeSpan.TicksPerHour,
            };
        }
        return TimeSpan.FromTicks((long)ticks);
    }

    [GeneratedRegex(@"^(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)")]
    private static partial Regex Part();
}

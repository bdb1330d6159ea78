using Cronos;

namespace Loyalife.DaprSidecar.Cron;

/// <summary>
/// A <c>bindings.cron</c> schedule as Dapr parses it (robfig/cron with optional seconds and descriptors):
/// 5 fields, or 6 with seconds first; <c>@every &lt;Go duration&gt;</c>; <c>@yearly</c>, <c>@monthly</c>,
/// <c>@weekly</c>, <c>@daily</c>/<c>@midnight</c>, <c>@hourly</c>; an optional <c>CRON_TZ=Area/City </c>
/// (or <c>TZ=</c>) prefix; otherwise the machine's local zone.
/// </summary>
internal abstract record CronSchedule
{
    private static readonly Dictionary<string, string> Descriptors = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 0 1 1 *",
        ["@annually"] = "0 0 0 1 1 *",
        ["@monthly"] = "0 0 0 1 * *",
        ["@weekly"] = "0 0 0 * * 0",
        ["@daily"] = "0 0 0 * * *",
        ["@midnight"] = "0 0 0 * * *",
        ["@hourly"] = "0 0 * * * *",
    };

    /// <summary>The first tick strictly after <paramref name="after"/>, or null if there is none.</summary>
    public abstract DateTimeOffset? Next(DateTimeOffset after);

    public static CronSchedule Parse(string spec, TimeZoneInfo? localZone = null)
    {
        var text = spec.Trim();
        var zone = localZone ?? TimeZoneInfo.Local;
        if (text.StartsWith("CRON_TZ=", StringComparison.Ordinal) || text.StartsWith("TZ=", StringComparison.Ordinal))
        {
            var space = text.IndexOf(' ');
            if (space < 0)
                throw new FormatException($"Schedule '{spec}' has a time zone but no schedule.");
            var id = text[(text.IndexOf('=') + 1)..space];
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (TimeZoneNotFoundException)
            {
                throw new FormatException($"Schedule '{spec}' names an unknown time zone '{id}'.");
            }
            text = text[space..].Trim();
        }

        if (text.StartsWith("@every ", StringComparison.Ordinal))
            return new EverySchedule(GoDuration.Parse(text["@every ".Length..].Trim()));
        if (text.StartsWith('@'))
            return Descriptors.TryGetValue(text, out var expanded)
                ? new CalendarSchedule(CronExpression.Parse(expanded, CronFormat.IncludeSeconds), zone)
                : throw new FormatException($"Schedule '{spec}' uses an unknown descriptor '{text}'.");

        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var format = fields.Length switch
        {
            5 => CronFormat.Standard,
            6 => CronFormat.IncludeSeconds,
            _ => throw new FormatException($"Schedule '{spec}' must have 5 fields, or 6 with seconds first."),
        };
        try
        {
            return new CalendarSchedule(CronExpression.Parse(string.Join(' ', fields), format), zone);
        }
        catch (CronFormatException e)
        {
            throw new FormatException($"Schedule '{spec}' is not a valid cron expression: {e.Message}", e);
        }
    }
}

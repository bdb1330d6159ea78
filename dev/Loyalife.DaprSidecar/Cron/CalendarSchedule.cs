using Cronos;

namespace Loyalife.DaprSidecar.Cron;

/// <summary>A cron expression evaluated in a time zone (daylight-saving gaps and overlaps handled by Cronos).</summary>
internal sealed record CalendarSchedule(CronExpression Expression, TimeZoneInfo Zone) : CronSchedule
{
    public override DateTimeOffset? Next(DateTimeOffset after) => Expression.GetNextOccurrence(after, Zone);
}

namespace Loyalife.DaprSidecar.Cron;

/// <summary>
/// <c>@every</c>: robfig/cron's constant delay, at least one second and counted in whole seconds from
/// the previous tick's whole second.
/// </summary>
internal sealed record EverySchedule : CronSchedule
{
    public EverySchedule(TimeSpan interval)
    {
        var whole = TimeSpan.FromSeconds(Math.Floor(interval.TotalSeconds));
        Interval = whole < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : whole;
    }

    public TimeSpan Interval { get; }

    public override DateTimeOffset? Next(DateTimeOffset after) =>
        after.AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond)) + Interval;
}

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// One phase of one date of a run (docs/architecture.md, "A run's timeline"): when it first started, when it last
/// ended, and the seconds spent in it. For a phase done in one stretch (the summary, the member pages) the seconds
/// are its span; for one that comes back page after page inside another (confirmations, the quota's waits) they
/// are the sum of its stretches, so the span says when and the seconds say how much.
/// </summary>
public sealed class TimelinePhase
{
    public const string Summary = "summary";
    public const string HoldCheck = "hold_check";
    public const string MemberPages = "member_pages";
    public const string Confirmations = "confirmations";
    public const string EventPages = "event_pages";
    public const string QuotaWaits = "quota_waits";
    public const string AbsentCount = "absent_count";

    /// <summary>The business date (yyyy-MM-dd) the phase worked on.</summary>
    public string Date { get; set; } = "";

    public string Phase { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset EndedAt { get; set; }

    public double Seconds { get; set; }

    /// <summary>How many stretches the seconds add up (pages confirmed, bodies that waited); 1 for a phase done at once.</summary>
    public int Stretches { get; set; }
}

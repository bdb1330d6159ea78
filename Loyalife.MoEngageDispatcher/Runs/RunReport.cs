namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// A run's report (docs/architecture.md), accumulated while it runs and saved with every checkpoint, so it is readable
/// mid-run and survives a restart.
/// </summary>
public sealed class RunReport
{
    public long MembersSent { get; set; }

    /// <summary>Members the snapshot left out, by reason, over every date of the run.</summary>
    public Dictionary<string, long> MembersSkipped { get; set; } = [];

    public Dictionary<string, long> EventsSent { get; set; } = [];

    /// <summary>Events not sent, by reason: <c>not_in_moengage</c> (Get User does not hold the member), <c>unconfirmed</c> (no answer for it).</summary>
    public Dictionary<string, long> EventsHeldBack { get; set; } = [];

    /// <summary>With unknown members set to <c>send</c>: events sent to members MoEngage was not known to hold.</summary>
    public long EventsSentToUnconfirmed { get; set; }

    /// <summary>Members with events in the run's dates whom MoEngage was found not to hold.</summary>
    public long MembersNotInMoEngage { get; set; }

    public ConfirmationFigures Confirmations { get; set; } = new();

    /// <summary>The read-back of a sample after the run; null until the run finished its dates.</summary>
    public VerificationResult? Verification { get; set; }

    /// <summary>What the quotas allow at best: members ÷ users quota + events ÷ events quota, in seconds.</summary>
    public double QuotaLowerBoundSeconds { get; set; }

    public int Requests { get; set; }

    public int Retries { get; set; }

    public int RateLimitWaits { get; set; }

    public double RateLimitWaitSeconds { get; set; }

    /// <summary>Time the shared quota limiter held bodies back (pacing, not errors).</summary>
    public double PacingWaitSeconds { get; set; }

    public long RejectedElements { get; set; }

    public PossibleDuplicates PossibleDuplicates { get; set; } = new();

    /// <summary>
    /// Bodies handed to MoEngage that no checkpoint covers yet, saved before each is sent: an attempt killed
    /// with bodies in flight leaves them here, and the next attempt, which sends them again, reports them as
    /// possible duplicates.
    /// </summary>
    public PossibleDuplicates InFlight { get; set; } = new();

    public long Bytes { get; set; }

    /// <summary>Distinct bodies built (a retry is not a new body; a 413's halves are).</summary>
    public int Bodies { get; set; }

    /// <summary>Their total size, for the fill figure.</summary>
    public long BodyBytes { get; set; }

    /// <summary>Average body size as a share of MoEngage's 100 KB cap, in percent.</summary>
    public double AverageBodyFillPercent { get; set; }

    /// <summary>Dry runs: how long sending would take at the workspace's quota.</summary>
    public double? EstimatedSeconds { get; set; }

    public Dictionary<string, DayReport> Days { get; set; } = [];

    /// <summary>Over the run's dates: events the intraday lane had delivered (not sent again), members it had refreshed later (left out).</summary>
    public long EventsSentByIntradayLane { get; set; }

    public long MembersLeftToIntradayLane { get; set; }

    /// <summary>Over the run's dates: events of intraday passes an admin skipped, not sent.</summary>
    public long EventsSkippedByAdmin { get; set; }

    /// <summary>When each phase of each date started and ended, in the order they began (<see cref="TimelinePhase"/>).</summary>
    public List<TimelinePhase> Timeline { get; set; } = [];

    public string? Error { get; set; }

    /// <summary>Set when a day broke a hold rule: which, with what figures, and what an admin decided.</summary>
    public HeldReport? Held { get; set; }

    /// <summary>Reasons of earlier failed attempts of this run, newest last.</summary>
    public List<string> PreviousErrors { get; set; } = [];
}

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// The read-back of a sample of the members a run updated: how many profiles match what was sent, which
/// differ (and in which attributes), which MoEngage does not hold. Flagged when most of the sample fails.
/// </summary>
public sealed class VerificationResult
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Skipped = "skipped";

    public string State { get; set; } = Pending;

    public int Sampled { get; set; }

    public int Matched { get; set; }

    public List<VerificationDifference> Differed { get; set; } = [];

    public int Missing { get; set; }

    public bool Flagged { get; set; }

    /// <summary>When the read-back is due (pending), or why it was skipped.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public string? Note { get; set; }
}

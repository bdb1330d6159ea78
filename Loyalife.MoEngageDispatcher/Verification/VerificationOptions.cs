namespace Loyalife.MoEngageDispatcher.Verification;

/// <summary>The read-back after a run (section <c>Verification</c>).</summary>
public sealed class VerificationOptions
{
    public const string Section = "Verification";

    /// <summary>Members read back per run; 0 switches verification off.</summary>
    [Range(0, 1000)]
    public int SampleSize { get; set; } = 20;

    /// <summary>How long MoEngage is given to apply a run before it is read back (Bulk Import applies asynchronously).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Delay { get; set; } = TimeSpan.FromMinutes(10);
}

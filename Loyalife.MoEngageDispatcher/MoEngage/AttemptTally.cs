namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>What one Data API call took: requests made, retries after failures, 429s waited out, and whether a body may have landed twice.</summary>
public sealed class AttemptTally
{
    public int Requests { get; internal set; }

    public int Retries { get; internal set; }

    public int RateLimitWaits { get; internal set; }

    public TimeSpan RateLimitWaited { get; internal set; }

    /// <summary>An attempt was cut off after its body was written out in full: MoEngage may have accepted it.</summary>
    public bool PossibleDuplicate { get; internal set; }
}

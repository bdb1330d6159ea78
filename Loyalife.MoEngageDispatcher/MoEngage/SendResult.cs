namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>The final answer for one body and what it took to get it (for the run report and metrics).</summary>
public sealed record SendResult(
    SendOutcome Outcome,
    int Status,
    string? Answer,
    int Requests,
    int Retries,
    int RateLimitWaits,
    TimeSpan RateLimitWaited,
    bool PossibleDuplicate,
    long BytesSent);

namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>The workspace's Get User quota is spent for now: an admin's lookup is refused rather than made to wait.</summary>
public sealed class GetUserQuotaExhaustedException(TimeSpan retryAfter)
    : Exception($"The workspace's Get User quota is spent; it frees up in {retryAfter.TotalSeconds:0} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

using Loyalife.MoEngageDispatcher.MoEngage;

namespace Loyalife.MoEngageDispatcher.Pacing;

/// <summary>Paces sends to a workspace's per-minute quota, across every replica.</summary>
public interface IQuotaLimiter
{
    /// <summary>Waits until <paramref name="count"/> elements of <paramref name="kind"/> fit the quota, reserves them, and answers the time waited.</summary>
    Task<TimeSpan> ReserveAsync(string appId, ElementKind kind, int count, CancellationToken cancellationToken);
}

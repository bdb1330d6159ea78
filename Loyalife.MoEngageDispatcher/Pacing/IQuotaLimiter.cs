namespace Loyalife.MoEngageDispatcher.Pacing;

/// <summary>Paces calls to a workspace's per-minute quotas, across every replica.</summary>
public interface IQuotaLimiter
{
    /// <summary>Waits until <paramref name="count"/> units of <paramref name="kind"/> fit the quota, reserves them, and answers the time waited.</summary>
    Task<TimeSpan> ReserveAsync(string appId, QuotaKind kind, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves only if the units fit the quota now: answers null when reserved, else how long until they would fit.
    /// For a caller that must not wait (an admin's request); a limiter without the notion waits instead.
    /// </summary>
    async Task<TimeSpan?> TryReserveAsync(string appId, QuotaKind kind, int count, CancellationToken cancellationToken)
    {
        await ReserveAsync(appId, kind, count, cancellationToken);
        return null;
    }

    /// <summary>The Bulk Import quota a body of <paramref name="kind"/> counts against.</summary>
    static QuotaKind For(ElementKind kind) => kind == ElementKind.Customer ? QuotaKind.BulkUsers : QuotaKind.BulkEvents;
}

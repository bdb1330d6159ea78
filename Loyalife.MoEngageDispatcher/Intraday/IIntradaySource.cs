namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>snapshot-service's intraday API, as a pass needs it (docs/ledger.md, "The intraday lane").</summary>
public interface IIntradaySource
{
    Task<PassHorizon> GetHorizonAsync(string programId, CancellationToken cancellationToken);

    /// <summary>The pass's events by name (no member count: its members are known as they are sent).</summary>
    Task<SnapshotSummary> GetSummaryAsync(string programId, PassWindow window, CancellationToken cancellationToken);

    Task<SnapshotPage> GetPageAsync(string programId, PassWindow window, SnapshotKind kind, string? after, int limit, CancellationToken cancellationToken);
}

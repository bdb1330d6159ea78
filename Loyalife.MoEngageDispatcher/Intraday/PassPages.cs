namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>One pass's pages as the delivery pipeline reads a snapshot: the pipeline's second source of pages.</summary>
internal sealed class PassPages(IIntradaySource source, PassWindow window) : ISnapshotSource
{
    public Task<ProgramInfo?> GetProgramAsync(string programId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("a pass does not ask for its program");

    public Task<SnapshotSummary> GetSummaryAsync(string programId, DateOnly date, CancellationToken cancellationToken) =>
        source.GetSummaryAsync(programId, window, cancellationToken);

    public Task<SnapshotPage> GetPageAsync(
        string programId, DateOnly date, SnapshotKind kind, string? after, int limit, CancellationToken cancellationToken) =>
        source.GetPageAsync(programId, window, kind, after, limit, cancellationToken);
}

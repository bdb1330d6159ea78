namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>snapshot-service, as the dispatcher needs it (docs/ledger.md).</summary>
public interface ISnapshotSource
{
    /// <summary>The program, or null when snapshot-service does not know it.</summary>
    Task<ProgramInfo?> GetProgramAsync(string programId, CancellationToken cancellationToken);

    Task<SnapshotSummary> GetSummaryAsync(string programId, DateOnly date, CancellationToken cancellationToken);

    Task<SnapshotPage> GetPageAsync(
        string programId, DateOnly date, SnapshotKind kind, string? after, int limit, CancellationToken cancellationToken);
}

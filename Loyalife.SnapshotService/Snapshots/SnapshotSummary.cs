namespace Loyalife.SnapshotService.Snapshots;

/// <summary>A program-day's summary (docs/ledger.md): what a complete run of the dispatcher should send.</summary>
public sealed record SnapshotSummary(
    string ProgramId,
    string BusinessDate,
    DateTime AsOf,
    long Members,
    IReadOnlyDictionary<string, long> SkippedMembers,
    IReadOnlyDictionary<string, long> Events);

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>SPEC §7 summary, in the shape BRIEF fixes for the dispatcher's run report.</summary>
public sealed record SnapshotSummary(
    string ProgramId,
    string BusinessDate,
    DateTime AsOf,
    long Members,
    IReadOnlyDictionary<string, long> SkippedMembers,
    IReadOnlyDictionary<string, long> Events,
    IReadOnlyDictionary<string, long> LedgerAnomalies);

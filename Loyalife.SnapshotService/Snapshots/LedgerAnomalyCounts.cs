namespace Loyalife.SnapshotService.Snapshots;

/// <summary>A program-day's ledger anomalies by kind (docs/ledger.md).</summary>
public sealed record LedgerAnomalyCounts(string ProgramId, string BusinessDate, DateTime AsOf, IReadOnlyDictionary<string, long> LedgerAnomalies);

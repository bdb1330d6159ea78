namespace Loyalife.SnapshotService.Intraday;

/// <summary>An intraday pass's events by name: what the dispatcher's hold rules weigh before it sends them.</summary>
public sealed record PassSummary(string ProgramId, string BusinessDate, DateTimeOffset CutOff, IReadOnlyDictionary<string, long> Events);

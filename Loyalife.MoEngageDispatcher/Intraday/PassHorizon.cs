namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>snapshot-service's answer to where a pass stands: the open day, the cut-off, the horizon (a decimal xid8).</summary>
public sealed record PassHorizon(string ProgramId, string BusinessDate, DateTimeOffset CutOff, string Horizon);

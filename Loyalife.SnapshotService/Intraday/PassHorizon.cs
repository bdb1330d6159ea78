namespace Loyalife.SnapshotService.Intraday;

/// <summary>
/// Where an intraday pass stands: the open business day, the cut-off instant (the database's clock, or the start of the oldest transaction still writing) and the horizon
/// (PostgreSQL's snapshot xmin as a decimal xid8: every transaction below it has ended), see <see cref="PassRows"/>.
/// </summary>
public sealed record PassHorizon(string ProgramId, string BusinessDate, DateTimeOffset CutOff, string Horizon);

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Where a run stands: the business date in progress, the stream (members before events), and the position
/// after the last element MoEngage accepted (or that was recorded as rejected). Written with each accepted
/// body, so a resumed run sends nothing accepted again.
/// </summary>
public sealed record Checkpoint(DateOnly Date, SnapshotKind Phase, StreamPosition Position);

namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>A row of <c>dispatch.intraday_passes</c>: a pass's window, where it stands and its report.</summary>
public sealed record PassRow(Guid PassId, string ProgramId, PassWindow Window, string Status, string? Reason, Checkpoint? Checkpoint, RunReport Report)
{
    public bool Unfinished => Status is PassStatus.Running or PassStatus.Failed or PassStatus.Pending;
}

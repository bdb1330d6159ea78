namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>A run as stored: one program, one business date or a range of them, oldest first.</summary>
public sealed record SyncRun(
    Guid RunId,
    string ProgramId,
    DateOnly From,
    DateOnly To,
    string Trigger,
    bool DryRun,
    string Status,
    string? Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    Checkpoint? Checkpoint,
    string? TraceParent,
    RunReport Report);

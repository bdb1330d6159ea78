namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>Work for the background worker: a cron tick (every enabled program) or one program to wake.</summary>
public sealed record DispatchRequest(string? ProgramId, ActivityContext Trigger);

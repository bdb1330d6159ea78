namespace Loyalife.MoEngageDispatcher.Locking;

/// <summary>A newer holder of the program's lock has claimed the run; this runner must stop writing and sending.</summary>
public sealed class LeaseLostException(Guid runId)
    : Exception($"run {runId} was claimed by a newer lock holder (fencing token superseded)");

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// Where the pipeline saves a run's progress: every write is conditional on the lease's fencing token, and a
/// runner whose lease lapsed gets <see cref="LeaseLostException"/> instead (<see cref="FencedRunStore"/>).
/// </summary>
public interface IProgressStore
{
    /// <summary>The checkpoint, the report and the elements rejected since the last save, together.</summary>
    Task SaveProgressAsync(
        Guid runId, long fencingToken, Checkpoint checkpoint, RunReport report, IReadOnlyList<RejectedElement> rejected,
        CancellationToken cancellationToken);

    /// <summary>The report alone (what is in flight, saved before a body goes out).</summary>
    Task SaveReportAsync(Guid runId, long fencingToken, RunReport report, CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="date"/> synced (unless dry) and moves the checkpoint to <paramref name="next"/>, atomically.</summary>
    Task CompleteDateAsync(
        Guid runId, long fencingToken, string programId, DateOnly date, bool dryRun, Checkpoint next, RunReport report,
        CancellationToken cancellationToken);
}

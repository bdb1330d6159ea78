namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// The run's writes to its row: checkpoint, report and pending rejections together, each conditional on the
/// lease's fencing token (a runner whose lease lapsed gets <see cref="LeaseLostException"/>).
/// </summary>
internal sealed class RunProgress(FencedRunStore store, SyncRun run, ProgramLease lease, RunReport report, Rejections rejections)
{
    public async Task SaveAsync(Checkpoint checkpoint)
    {
        await store.SaveProgressAsync(run.RunId, lease.FencingToken, checkpoint, report, rejections.Pending, CancellationToken.None);
        rejections.Saved();
    }

    /// <summary>The report alone: what is in flight, saved before a body goes out.</summary>
    public Task SaveReportAsync() => store.SaveReportAsync(run.RunId, lease.FencingToken, report, CancellationToken.None);

    /// <summary>Marks <paramref name="date"/> synced (unless dry) and moves the checkpoint to <paramref name="next"/>.</summary>
    public Task CompleteDateAsync(DateOnly date, Checkpoint next) =>
        store.CompleteDateAsync(run.RunId, lease.FencingToken, run.ProgramId, date, run.DryRun, next, report, CancellationToken.None);
}

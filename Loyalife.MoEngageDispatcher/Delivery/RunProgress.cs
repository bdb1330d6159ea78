namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// The run's writes to its row: checkpoint, report and pending rejections together, each conditional on the
/// lease's fencing token (a runner whose lease lapsed gets <see cref="LeaseLostException"/>). Not cancelled by
/// a stop: what is accepted must be checkpointed.
/// </summary>
internal sealed class RunProgress(IProgressStore store, RunContext context)
{
    public async Task SaveAsync(Checkpoint checkpoint)
    {
        var book = context.Book;
        await store.SaveProgressAsync(context.Run.RunId, context.FencingToken, checkpoint, book.Report, book.PendingRejections, CancellationToken.None);
        book.RejectionsSaved();
    }

    /// <summary>The report alone: what is in flight, saved before a body goes out.</summary>
    public Task SaveReportAsync() =>
        store.SaveReportAsync(context.Run.RunId, context.FencingToken, context.Book.Report, CancellationToken.None);

    /// <summary>Marks <paramref name="date"/> synced (unless dry) and moves the checkpoint to <paramref name="next"/>.</summary>
    public Task CompleteDateAsync(DateOnly date, Checkpoint next) =>
        store.CompleteDateAsync(context.Run.RunId, context.FencingToken, context.Run.ProgramId, date, context.Run.DryRun, next,
            context.Book.Report, CancellationToken.None);
}

namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// The steps of one intraday pass, as <see cref="RunLoop"/>'s of one date: the pass's summary, the hold check, its
/// members' attributes as of its cut-off, then its events (each page's members confirmed by the existence gate),
/// then the pass complete. The checkpoint says which step a resumed pass continues with.
/// </summary>
internal sealed class PassLoop(RunContext context, DaySummaries summaries, StreamDelivery streams, RunProgress progress, Func<DayReport, Task> checkHold)
{
    public async Task RunAsync()
    {
        var run = context.Run;
        context.Book.CarryOverInFlight();
        var date = run.From;
        var checkpoint = run.Checkpoint ?? new Checkpoint(date, SnapshotKind.Members, StreamPosition.Start);
        var summary = await summaries.ReadAsync(context, date);
        if (checkpoint is { Phase: SnapshotKind.Members, Position.PageCursor: null, Position.Offset: 0 })
        {
            await checkHold(summary);
        }

        if (checkpoint.Phase == SnapshotKind.Members)
        {
            await streams.SendAsync(date, SnapshotKind.Members, checkpoint.Position);
            checkpoint = new Checkpoint(date, SnapshotKind.Events, StreamPosition.Start);
            await progress.SaveAsync(checkpoint);
        }

        await streams.SendAsync(date, SnapshotKind.Events, checkpoint.Position);
        context.Book.DayCompleted(date);
        await progress.CompleteDateAsync(date, new Checkpoint(date.AddDays(1), SnapshotKind.Members, StreamPosition.Start));
    }
}

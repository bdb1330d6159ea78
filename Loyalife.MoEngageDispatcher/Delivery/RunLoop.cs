namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// The run's dates, oldest first, each in its steps: the summary, the member attributes, then the events
/// (so campaigns triggered by an event see fresh attributes; each page's members confirmed by the existence
/// gate before its events are packed), then the date marked synced. The checkpoint says which step of which
/// date a resumed run continues with. Before anything of a date is sent,
/// <paramref name="passHoldRules"/> may hold the run (it throws).
/// </summary>
internal sealed class RunLoop(
    SyncRun run, DaySummaries summaries, StreamDelivery streams, ExistenceGate gate, ReportBook book, RunProgress progress,
    Func<DateOnly, Task> passHoldRules)
{
    public async Task RunAsync()
    {
        book.CarryOverInFlight();
        var checkpoint = run.Checkpoint ?? new Checkpoint(run.From, SnapshotKind.Members, StreamPosition.Start);
        for (var date = checkpoint.Date; date <= run.To; date = date.AddDays(1))
        {
            var day = await summaries.ReadAsync(date);
            if (checkpoint.Date != date)
            {
                checkpoint = new Checkpoint(date, SnapshotKind.Members, StreamPosition.Start);
            }

            if (checkpoint is { Phase: SnapshotKind.Members, Position.PageCursor: null, Position.Offset: 0 })
            {
                await passHoldRules(date);
            }

            if (checkpoint.Phase == SnapshotKind.Members)
            {
                await streams.SendAsync(date, SnapshotKind.Members, checkpoint.Position);
                checkpoint = new Checkpoint(date, SnapshotKind.Events, StreamPosition.Start);
                await progress.SaveAsync(checkpoint);
            }

            await streams.SendAsync(date, SnapshotKind.Events, checkpoint.Position);
            day.Completed = true;
            checkpoint = new Checkpoint(date.AddDays(1), SnapshotKind.Members, StreamPosition.Start);
            book.LowerBound(run.DryRun);
            await gate.CountAbsentAsync(date);

            await progress.CompleteDateAsync(date, checkpoint);
        }
    }
}

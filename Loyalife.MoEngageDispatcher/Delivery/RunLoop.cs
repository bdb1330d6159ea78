namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// The run's dates, oldest first, each in its steps: the summary, the member attributes, then the events
/// (so campaigns triggered by an event see fresh attributes; each page's members confirmed by the existence
/// gate before its events are packed), then the date marked synced. The checkpoint says which step of which
/// date a resumed run continues with. Before anything of a date is sent, the hold rules may hold the run (they throw).
/// </summary>
internal sealed class RunLoop(
    RunContext context, DaySummaries summaries, StreamDelivery streams, IExistenceGate gate, IHoldRules holds, RunProgress progress,
    QuotaOptions quota, TimeProvider time, ILaneDeliveries lane)
{
    public async Task RunAsync()
    {
        var run = context.Run;
        var book = context.Book;
        book.CarryOverInFlight();
        var checkpoint = run.Checkpoint ?? new Checkpoint(run.From, SnapshotKind.Members, StreamPosition.Start);
        for (var date = checkpoint.Date; date <= run.To; date = date.AddDays(1))
        {
            using (book.Phase(date, TimelinePhase.Summary))
            {
                await summaries.ReadAsync(context, date);
            }

            if (checkpoint.Date != date)
            {
                checkpoint = new Checkpoint(date, SnapshotKind.Members, StreamPosition.Start);
            }

            if (checkpoint is { Phase: SnapshotKind.Members, Position.PageCursor: null, Position.Offset: 0 })
            {
                using (book.Phase(date, TimelinePhase.HoldCheck))
                {
                    await holds.CheckAsync(run, date, book.Report, context.Stopping);
                }
            }

            // What the intraday lane delivered of the date is left out; read again on a resume, when it is the same
            // (passes run under the program's lock, after the nights due).
            var delivered = await lane.OfDayAsync(run.ProgramId, date, context.Stopping);
            book.LaneDelivered(date, delivered);
            if (checkpoint.Phase == SnapshotKind.Members)
            {
                using (book.Phase(date, TimelinePhase.MemberPages))
                {
                    await streams.SendAsync(date, SnapshotKind.Members, checkpoint.Position, delivered.MembersRefreshedLater);
                }

                checkpoint = new Checkpoint(date, SnapshotKind.Events, StreamPosition.Start);
                await progress.SaveAsync(checkpoint);
            }

            using (book.Phase(date, TimelinePhase.EventPages))
            {
                await streams.SendAsync(date, SnapshotKind.Events, checkpoint.Position, delivered.EventsLeftOut);
            }

            book.DayCompleted(date);
            checkpoint = new Checkpoint(date.AddDays(1), SnapshotKind.Members, StreamPosition.Start);
            book.LowerBound(quota, run.DryRun);
            var counting = time.GetTimestamp();
            long absent;
            using (book.Phase(date, TimelinePhase.AbsentCount))
            {
                absent = await gate.CountAbsentAsync(run, date, context.Waits);
            }

            book.MembersNotInMoEngage(absent, time.GetElapsedTime(counting));

            await progress.CompleteDateAsync(date, checkpoint);
        }
    }
}

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// One snapshot stream of one date, from a checkpoint to its end: pages fetched ahead, packed into bodies,
/// delivered through the window. Stopping between bodies lets what is in flight finish and be checkpointed.
/// </summary>
internal sealed class StreamDelivery(
    RunContext context, ISnapshotSource snapshots, IExistenceGate gate, BodyWindow window, RunProgress progress,
    BulkElementWriter elements, int pageSize, int maxBodyBytes)
{
    /// <param name="leaveOut">Member or event ids the other lane already delivered: left out.</param>
    public async Task SendAsync(DateOnly date, SnapshotKind kind, StreamPosition start, IReadOnlySet<string>? leaveOut = null)
    {
        var run = context.Run;
        var stopping = context.Stopping;
        await using var pages = new PagePrefetch(snapshots, run.ProgramId, date, kind, start.PageCursor, pageSize, stopping);
        using var bodies = new BulkBodyPacker(maxBodyBytes);
        var packer = new PagePacker(
            bodies, kind == SnapshotKind.Members ? ElementKind.Customer : ElementKind.Event, elements, context.Book, context.Accepted is not null, leaveOut);
        var verdicts = kind == SnapshotKind.Events ? new PageVerdicts() : null;
        try
        {
            var skip = start.Offset;
            await foreach (var page in pages.ReadAllAsync(stopping))
            {
                using (page)
                {
                    // The page's events wait here until their members are confirmed (bodies already out go on).
                    if (verdicts is not null)
                    {
                        await ConfirmAsync(date, page, skip, verdicts);
                    }

                    foreach (var body in packer.Pack(date, page, skip, verdicts))
                    {
                        await window.DeliverAsync(date, body);
                    }

                    // A checkpoint counts from the start of its page; should the page size have shrunk since,
                    // what is left to skip carries over to the following page.
                    skip = Math.Max(0, skip - page.Count);
                }
            }

            if (packer.Flush() is { } last)
            {
                await window.DeliverAsync(date, last);
            }

            await window.DrainAsync();
            context.Book.HeldBack(packer.TakeHeldBack());
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !context.LeaseLost.IsCancellationRequested)
        {
            // Stopping between bodies: what is in flight finishes and is checkpointed, so nothing accepted is resent.
            try
            {
                await window.DrainAsync();
            }
            finally
            {
                await window.AbandonAsync();
            }

            throw;
        }
        catch
        {
            await window.AbandonAsync();
            throw;
        }
    }

    /// <summary>The existence gate's verdicts on the page; what asking cost goes into the report, saved if Get User was asked.</summary>
    private async Task ConfirmAsync(DateOnly date, SnapshotPage page, int skip, PageVerdicts verdicts)
    {
        var figures = new ConfirmationFigures();
        try
        {
            using (context.Book.Phase(date, TimelinePhase.Confirmations))
            {
                await gate.ConfirmAsync(context.Run, context.Credentials, date, page, skip, verdicts, figures, context.Waits);
            }
        }
        finally
        {
            context.Book.Confirmed(figures);
        }

        if (figures.Asked > 0)
        {
            await progress.SaveReportAsync();
        }
    }
}

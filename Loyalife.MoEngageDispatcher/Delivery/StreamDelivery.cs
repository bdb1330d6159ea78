namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// One snapshot stream of one date, from a checkpoint to its end: pages fetched ahead, packed into bodies,
/// delivered through the window. Stopping between bodies lets what is in flight finish and be checkpointed.
/// </summary>
internal sealed class StreamDelivery(
    ISnapshotSource snapshots, SyncRun run, int pageSize, int maxBodyBytes, BulkElementWriter elements, ExistenceGate gate,
    BodyWindow window, ReportBook book, Rejections rejections, ProgramLease lease, CancellationToken stopping)
{
    public async Task SendAsync(DateOnly date, SnapshotKind kind, StreamPosition start)
    {
        await using var pages = new PagePrefetch(snapshots, run.ProgramId, date, kind, start.PageCursor, pageSize, stopping);
        using var bodies = new BulkBodyPacker(maxBodyBytes);
        var packer = kind == SnapshotKind.Members
            ? new PagePacker(bodies, ElementKind.Customer, elements, null, rejections)
            : new PagePacker(bodies, ElementKind.Event, elements, gate, rejections);
        try
        {
            var skip = start.Offset;
            await foreach (var page in pages.ReadAllAsync(stopping))
            {
                using (page)
                {
                    if (kind == SnapshotKind.Events)
                    {
                        // The page's events wait here until their members are confirmed (bodies already out go on).
                        await gate.ConfirmAsync(date, page, skip);
                    }

                    foreach (var body in packer.Pack(date, page, skip))
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
            book.HeldBack(packer.TakeHeldBack());
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !lease.Lost.IsCancellationRequested)
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
}

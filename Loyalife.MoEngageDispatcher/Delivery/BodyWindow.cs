namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// The bodies in flight: a body starts going out while the next ones are packed, at most
/// <c>MoEngage:MaxConcurrentRequests</c> at once. Outcomes are applied (report, rejections, checkpoint)
/// strictly in body order, so a checkpoint never covers a body that is not yet accepted.
/// </summary>
internal sealed class BodyWindow(
    RunContext context, BodySender sender, RunProgress progress, EnabledCheck enabled, int maxInFlight, int maxBodyBytes, ILogger logger)
{
    private readonly Queue<Task<Delivered>> inFlight = new();

    public async Task DeliverAsync(DateOnly date, BulkBody body)
    {
        try
        {
            context.Stopping.ThrowIfCancellationRequested();
            await enabled.EnsureAsync();
        }
        catch
        {
            body.Dispose();
            throw;
        }

        var book = context.Book;
        book.BodyBuilt(body, maxBodyBytes);
        if (context.Run.DryRun)
        {
            using (body)
            {
                book.DryRun(date, body);
            }

            return;
        }

        // Every body enters through here, one at a time, so at most one outcome has to make room.
        var made = inFlight.Count >= maxInFlight ? await ApplyNextAsync() : null;

        // Recorded before the send, so that a kill between send and checkpoint cannot hide a possible duplicate.
        // The outcome applied to make room is checkpointed in the same write: one write a body, not two.
        book.InFlight(body.Kind, body.Count, +1);
        try
        {
            await (made is null ? progress.SaveReportAsync() : progress.SaveAsync(made));
        }
        catch
        {
            body.Dispose();
            throw;
        }

        inFlight.Enqueue(sender.SendAsync(context, date, body));
    }

    /// <summary>Waits for every body in flight and applies each in order.</summary>
    public async Task DrainAsync()
    {
        while (inFlight.Count > 0)
        {
            await progress.SaveAsync(await ApplyNextAsync());
        }
    }

    /// <summary>
    /// A body failed for good: the run stops. Bodies sent after it may still be accepted, but the checkpoint
    /// cannot cover them, so the retry will send them again: they are reported as possible duplicates.
    /// </summary>
    public async Task AbandonAsync()
    {
        while (inFlight.TryDequeue(out var pending))
        {
            try
            {
                var delivered = await pending;
                foreach (var part in delivered.Parts.Where(part => part.Result.Outcome == SendOutcome.Accepted))
                {
                    context.Book.Uncovered(part);
                }
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "A body in flight failed while the run was stopping");
            }
        }

        // Each was counted above if accepted; none is left for a later attempt to count again.
        context.Book.NothingInFlight();
    }

    /// <summary>Applies the oldest outcome and answers the checkpoint that covers it, for the caller to save.</summary>
    private async Task<Checkpoint> ApplyNextAsync()
    {
        var delivered = await inFlight.Dequeue();
        context.Book.InFlight(delivered.Kind, delivered.Elements, -1);
        context.Book.Apply(delivered);
        if (context.Accepted is { } accepted)
        {
            // Before the checkpoint: an item recorded twice (a crash in between) is recorded once; one never recorded would be sent again.
            await accepted.RecordAsync(context, delivered.Kind, [.. delivered.Parts.Where(part => part.Result.Outcome == SendOutcome.Accepted)
                .SelectMany(part => part.Items ?? [])]);
        }

        return new Checkpoint(delivered.Date, delivered.Kind == ElementKind.Customer ? SnapshotKind.Members : SnapshotKind.Events, delivered.End);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Loyalife.MoEngageDispatcher.MoEngage;
using Loyalife.MoEngageDispatcher.Sources;
using Loyalife.MoEngageDispatcher.Telemetry;

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>The state of one run while it executes: credentials, report, where it stands.</summary>
internal sealed class RunExecution(RunEngine engine, SyncRun run, ProgramLease lease, RunReport report, CancellationToken stopping)
{
    private readonly List<RejectedElement> rejected = [];
    private readonly Queue<Task<Delivered>> inFlight = new();
    private MoEngageCredentials credentials = null!;
    private long lastEnabledCheck;
    private CancellationToken waitToken;

    public async Task RunAsync()
    {
        using var waits = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
        waitToken = waits.Token;
        credentials = await ReadCredentialsAsync();
        if (report.InFlight.Requests > 0)
        {
            // An earlier attempt died with these bodies sent and unconfirmed; they go out again from the checkpoint.
            report.PossibleDuplicates.Requests += report.InFlight.Requests;
            report.PossibleDuplicates.Members += report.InFlight.Members;
            report.PossibleDuplicates.Events += report.InFlight.Events;
            report.InFlight = new();
        }

        lastEnabledCheck = engine.Time.GetTimestamp();
        var checkpoint = run.Checkpoint ?? new Checkpoint(run.From, SnapshotKind.Members, StreamPosition.Start);
        for (var date = checkpoint.Date; date <= run.To; date = date.AddDays(1))
        {
            await ReadSummaryAsync(date);
            if (checkpoint.Date != date)
            {
                checkpoint = new Checkpoint(date, SnapshotKind.Members, StreamPosition.Start);
            }

            if (checkpoint is { Phase: SnapshotKind.Members, Position.PageCursor: null, Position.Offset: 0 })
            {
                // Nothing of the day is sent yet: it must pass the hold rules first.
                await engine.Holds.CheckAsync(run, date, report, stopping);
            }

            if (checkpoint.Phase == SnapshotKind.Members)
            {
                await SendStreamAsync(date, SnapshotKind.Members, checkpoint.Position);
                checkpoint = new Checkpoint(date, SnapshotKind.Events, StreamPosition.Start);
                await SaveAsync(checkpoint);
            }

            await SendStreamAsync(date, SnapshotKind.Events, checkpoint.Position);
            report.Days[Key(date)].Completed = true;
            checkpoint = new Checkpoint(date.AddDays(1), SnapshotKind.Members, StreamPosition.Start);
            if (run.DryRun)
            {
                report.EstimatedSeconds = Estimate();
            }

            await engine.Store.CompleteDateAsync(run.RunId, lease.FencingToken, run.ProgramId, date, run.DryRun, checkpoint, report, CancellationToken.None);
        }
    }

    private async Task<MoEngageCredentials> ReadCredentialsAsync()
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("credentials");
        var found = await engine.Settings.GetCredentialsAsync(run.ProgramId, stopping)
            ?? throw new IntegrationDisabledException($"program {run.ProgramId} has no MoEngage settings");
        if (!found.Enabled && !run.DryRun)
        {
            throw new IntegrationDisabledException($"the MoEngage integration of program {run.ProgramId} is disabled");
        }

        activity?.SetTag("loyalife.moengage.data_center", found.DataCenter);
        return found;
    }

    private async Task ReadSummaryAsync(DateOnly date)
    {
        if (report.Days.ContainsKey(Key(date)))
        {
            return;
        }

        using var activity = DispatcherTelemetry.Source.StartActivity("snapshot summary");
        var summary = await engine.Snapshots.GetSummaryAsync(run.ProgramId, date, stopping);
        var day = new DayReport
        {
            MembersInSnapshot = summary.Members,
            MembersSkipped = new(summary.SkippedMembers ?? new Dictionary<string, long>()),
            EventsInSnapshot = new(summary.Events ?? new Dictionary<string, long>()),
        };
        report.Days[Key(date)] = day;
        foreach (var (reason, count) in day.MembersSkipped)
        {
            report.MembersSkipped[reason] = report.MembersSkipped.GetValueOrDefault(reason) + count;
        }
    }

    private async Task SendStreamAsync(DateOnly date, SnapshotKind kind, StreamPosition start)
    {
        using var pages = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var channel = Channel.CreateBounded<SnapshotPage>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        // Fetch ahead while bodies go out, so neither snapshot-service nor MoEngage waits for the other.
        var producer = Task.Run(() => FetchPagesAsync(date, kind, start.PageCursor, channel.Writer, pages.Token), CancellationToken.None);
        using var packer = new BulkBodyPacker(engine.MoEngageSettings.MaxBodyBytes);
        var elementKind = kind == SnapshotKind.Members ? ElementKind.Customer : ElementKind.Event;
        try
        {
            var skip = start.Offset;
            await foreach (var page in channel.Reader.ReadAllAsync(stopping))
            {
                using (page)
                {
                    await PackPageAsync(date, page, elementKind, packer, skip);
                    // A checkpoint counts from the start of its page; should the page size have shrunk since,
                    // what is left to skip carries over to the following page.
                    skip = Math.Max(0, skip - page.Count);
                }
            }

            if (packer.Flush() is { } last)
            {
                await DeliverAsync(date, last);
            }

            await DrainAsync();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !lease.Lost.IsCancellationRequested)
        {
            // Stopping between bodies: what is in flight finishes and is checkpointed, so nothing accepted is resent.
            try
            {
                await DrainAsync();
            }
            finally
            {
                await AbandonAsync();
            }

            throw;
        }
        catch
        {
            await AbandonAsync();
            throw;
        }
        finally
        {
            await pages.CancelAsync();
            await producer.ContinueWith(_ => { }, TaskScheduler.Default);
            while (channel.Reader.TryRead(out var unread))
            {
                unread.Dispose();
            }
        }
    }

    private async Task FetchPagesAsync(
        DateOnly date, SnapshotKind kind, string? after, ChannelWriter<SnapshotPage> writer, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                SnapshotPage page;
                using (var activity = DispatcherTelemetry.Source.StartActivity("snapshot page"))
                {
                    activity?.SetTag("loyalife.snapshot.kind", kind == SnapshotKind.Members ? "members" : "events");
                    activity?.SetTag("loyalife.snapshot.after", after);
                    page = await engine.Snapshots.GetPageAsync(run.ProgramId, date, kind, after, engine.Sync.PageSize, cancellationToken);
                    activity?.SetTag("loyalife.snapshot.items", page.Count);
                }

                // Read before handing the page over: the reader disposes it as soon as it is packed.
                var next = page.Next;
                await writer.WriteAsync(page, cancellationToken);
                if (next is null)
                {
                    break;
                }

                after = next;
            }

            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
        }
    }

    private async Task PackPageAsync(DateOnly date, SnapshotPage page, ElementKind kind, BulkBodyPacker packer, int skip)
    {
        var count = page.Count;
        var index = 0;
        foreach (var item in page.Items.EnumerateArray())
        {
            index++;
            if (index <= skip)
            {
                continue;
            }

            // The position after this item; the last item of a page points at the next page's start.
            var end = index == count && page.Next is not null ? new StreamPosition(page.Next, 0) : new StreamPosition(page.After, index);
            var writer = packer.BeginElement();
            string? name = null;
            var mapped = kind == ElementKind.Customer
                ? BulkElementWriter.TryWriteCustomer(writer, item)
                : BulkElementWriter.TryWriteEvent(writer, item, out name);
            if (!mapped)
            {
                rejected.Add(new RejectedElement(date, KindName(kind), 0, "snapshot item lacks customerId, name or occurredAt", item.GetRawText()));
                report.RejectedElements++;
                continue;
            }

            var (closed, oversized) = packer.Commit(kind, name, end);
            if (oversized)
            {
                rejected.Add(new RejectedElement(date, KindName(kind), 413,
                    $"element of {packer.CurrentElement.Length} bytes exceeds the {packer.MaxBodyBytes}-byte body cap on its own",
                    Encoding.UTF8.GetString(packer.CurrentElement)));
                report.RejectedElements++;
            }

            if (closed is not null)
            {
                await DeliverAsync(date, closed);
            }
        }
    }

    /// <summary>
    /// Starts sending a body while the next ones are packed; at most <c>MaxConcurrentRequests</c> are in
    /// flight. Outcomes are applied (report, rejections, checkpoint) strictly in body order, so a checkpoint
    /// never covers a body that is not yet accepted.
    /// </summary>
    private async Task DeliverAsync(DateOnly date, BulkBody body)
    {
        try
        {
            stopping.ThrowIfCancellationRequested();
            await CheckStillEnabledAsync();
        }
        catch
        {
            body.Dispose();
            throw;
        }

        report.Bodies++;
        report.BodyBytes += body.Length;
        report.AverageBodyFillPercent = Math.Round(100.0 * report.BodyBytes / report.Bodies / engine.MoEngageSettings.MaxBodyBytes, 2);
        if (run.DryRun)
        {
            using (body)
            {
                report.Requests++;
                report.Bytes += body.Length;
                Apply(new Delivered(date, body.Kind, body.End, [Part.Accepted(body, new SendResult(SendOutcome.Accepted, 0, null, 0, 0, 0, TimeSpan.Zero, false, 0))]), checkpoint: false);
            }

            return;
        }

        while (inFlight.Count >= engine.MoEngageSettings.MaxConcurrentRequests)
        {
            await ApplyNextAsync();
        }

        // Recorded before the send, so that a kill between send and checkpoint cannot hide a possible duplicate.
        CountInFlight(body.Kind, body.Count, +1);
        try
        {
            await engine.Store.SaveReportAsync(run.RunId, lease.FencingToken, report, CancellationToken.None);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        inFlight.Enqueue(SendAsync(date, body));
    }

    private void CountInFlight(ElementKind kind, int elements, int sign)
    {
        report.InFlight.Requests += sign;
        if (kind == ElementKind.Customer)
        {
            report.InFlight.Members += sign * elements;
        }
        else
        {
            report.InFlight.Events += sign * elements;
        }
    }

    private async Task<Delivered> SendAsync(DateOnly date, BulkBody body)
    {
        using (body)
        {
            var parts = new List<Part>();
            await SendPartAsync(body, parts);
            return new Delivered(date, body.Kind, body.End, parts, body.Count);
        }
    }

    /// <summary>Sends one body; a 413 sends each half in turn.</summary>
    private async Task SendPartAsync(BulkBody body, List<Part> parts)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("moengage bulk import", ActivityKind.Client);
        activity?.SetTag("loyalife.moengage.elements", body.Count);
        activity?.SetTag("loyalife.moengage.kind", KindName(body.Kind));
        activity?.SetTag("loyalife.moengage.bytes", body.Length);
        var waited = await engine.Limiter.ReserveAsync(credentials.AppId, body.Kind, body.Count, waitToken);
        var result = await engine.MoEngage.SendAsync(credentials, body, lease.Lost, waitToken);
        activity?.SetTag("http.response.status_code", result.Status);
        activity?.SetTag("loyalife.moengage.outcome", result.Outcome.ToString());
        if (result.Outcome == SendOutcome.TooLarge && body.Count > 1)
        {
            parts.Add(new Part(result, waited, body.Kind, 0, [], null));
            var half = body.Count / 2;
            using (var first = body.Slice(0, half))
            {
                await SendPartAsync(first, parts);
            }

            using var second = body.Slice(half, body.Count - half);
            await SendPartAsync(second, parts);
            return;
        }

        parts.Add(result.Outcome == SendOutcome.Accepted
            ? Part.Accepted(body, result) with { Waited = waited }
            : new Part(result, waited, body.Kind, body.Count, [],
                Enumerable.Range(0, body.Count).Select(i => Encoding.UTF8.GetString(body.Element(i).Span)).ToList()));
    }

    private async Task ApplyNextAsync()
    {
        var delivered = await inFlight.Dequeue();
        CountInFlight(delivered.Kind, delivered.Elements, -1);
        Apply(delivered, checkpoint: true);
        await SaveAsync(new Checkpoint(delivered.Date, delivered.Kind == ElementKind.Customer ? SnapshotKind.Members : SnapshotKind.Events, delivered.End));
    }

    /// <summary>Waits for every body in flight and applies each in order.</summary>
    private async Task DrainAsync()
    {
        while (inFlight.Count > 0)
        {
            await ApplyNextAsync();
        }
    }

    /// <summary>
    /// A body failed for good: the run stops. Bodies sent after it may still be accepted, but the checkpoint
    /// cannot cover them, so the retry will send them again: they are reported as possible duplicates.
    /// </summary>
    private async Task AbandonAsync()
    {
        while (inFlight.TryDequeue(out var pending))
        {
            try
            {
                var delivered = await pending;
                foreach (var part in delivered.Parts.Where(part => part.Result.Outcome == SendOutcome.Accepted))
                {
                    Account(part);
                    report.PossibleDuplicates.Requests++;
                    if (part.Kind == ElementKind.Customer)
                    {
                        report.PossibleDuplicates.Members += part.Count;
                    }
                    else
                    {
                        report.PossibleDuplicates.Events += part.Count;
                    }
                }
            }
            catch (Exception exception)
            {
                engine.Logger.LogDebug(exception, "A body in flight failed while the run was stopping");
            }
        }

        // Each was counted above if accepted; none is left for a later attempt to count again.
        report.InFlight = new();
    }

    private void Apply(Delivered delivered, bool checkpoint)
    {
        foreach (var part in delivered.Parts)
        {
            Account(part);
            if (part.Result.Outcome == SendOutcome.Accepted)
            {
                CountAccepted(part);
                if (checkpoint)
                {
                    engine.Telemetry.Sent(part.Kind, part.Count, part.Result.BytesSent);
                }
            }
            else if (part.RejectedElements is { } elements)
            {
                rejected.AddRange(elements.Select(element =>
                    new RejectedElement(delivered.Date, KindName(part.Kind), part.Result.Status, part.Result.Answer ?? "", element)));
                report.RejectedElements += elements.Count;
            }
        }
    }

    private void Account(Part part)
    {
        var result = part.Result;
        report.PacingWaitSeconds = Math.Round(report.PacingWaitSeconds + part.Waited.TotalSeconds, 3);
        report.Requests += result.Requests;
        report.Retries += result.Retries;
        report.RateLimitWaits += result.RateLimitWaits;
        report.RateLimitWaitSeconds = Math.Round(report.RateLimitWaitSeconds + result.RateLimitWaited.TotalSeconds, 3);
        report.Bytes += result.BytesSent;
        engine.Telemetry.Retried(result.Retries);
        engine.Telemetry.RateLimited(result.RateLimitWaits);
        if (result.PossibleDuplicate && result.Outcome == SendOutcome.Accepted)
        {
            report.PossibleDuplicates.Requests++;
            if (part.Kind == ElementKind.Customer)
            {
                report.PossibleDuplicates.Members += part.Count;
            }
            else
            {
                report.PossibleDuplicates.Events += part.Count;
            }
        }
    }

    private void CountAccepted(Part part)
    {
        if (part.Kind == ElementKind.Customer)
        {
            report.MembersSent += part.Count;
            return;
        }

        foreach (var name in part.EventNames)
        {
            report.EventsSent[name!] = report.EventsSent.GetValueOrDefault(name!) + 1;
        }
    }

    private async Task SaveAsync(Checkpoint checkpoint)
    {
        await engine.Store.SaveProgressAsync(run.RunId, lease.FencingToken, checkpoint, report, rejected, CancellationToken.None);
        rejected.Clear();
    }

    /// <summary>An admin may switch the integration off mid-run; the run then stops at the next body.</summary>
    private async Task CheckStillEnabledAsync()
    {
        if (run.DryRun || engine.Time.GetElapsedTime(lastEnabledCheck) < engine.Sync.EnabledCheckInterval)
        {
            return;
        }

        lastEnabledCheck = engine.Time.GetTimestamp();
        var enabled = await engine.Settings.GetEnabledProgramsAsync(stopping);
        if (!enabled.Any(program => program.ProgramId == run.ProgramId))
        {
            throw new IntegrationDisabledException($"the MoEngage integration of program {run.ProgramId} was disabled during the run");
        }
    }

    private double Estimate()
    {
        var quota = engine.Sync.Quota;
        var window = quota.Window.TotalSeconds;
        var users = quota.UsersPerMinute == 0 ? 0 : window * report.MembersSent / quota.UsersPerMinute;
        var events = quota.EventsPerMinute == 0 ? 0 : window * report.EventsSent.Values.Sum() / quota.EventsPerMinute;
        return Math.Round(users + events, 1);
    }

    private static string KindName(ElementKind kind) => kind == ElementKind.Customer ? "customer" : "event";

    private static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Executes one run under a held program lock: credentials once, then for each date the member pages and
/// then the event pages (each page's members confirmed first), packed, paced and posted, with a checkpoint
/// after each accepted body; a run that succeeds leaves its verification pending.
/// </summary>
public sealed class RunEngine(
    FencedRunStore store,
    DeliveryPipeline delivery,
    RunVerifier verifier,
    AlertMonitor alerts,
    DispatcherTelemetry telemetry,
    TimeProvider time,
    ILogger<RunEngine> logger)
{
    /// <summary>
    /// Runs <paramref name="run"/> to its end and answers its final status, or null when it was left to be
    /// resumed (the host is stopping, or a newer lock holder took it over).
    /// </summary>
    public async Task<string?> ExecuteAsync(SyncRun run, ProgramLease lease, ActivityContext trigger, CancellationToken stopping)
    {
        var links = ActivityContext.TryParse(run.TraceParent, null, out var requested) && requested != trigger
            ? new[] { new ActivityLink(requested) }
            : null;
        using var activity = DispatcherTelemetry.Source.StartActivity(
            ActivityKind.Internal, trigger, links: links, name: "sync run");
        activity?.SetTag("loyalife.program_id", run.ProgramId);
        activity?.SetTag("loyalife.run_id", run.RunId);
        activity?.SetTag("loyalife.business_date", run.From == run.To ? $"{run.From:yyyy-MM-dd}" : $"{run.From:yyyy-MM-dd}..{run.To:yyyy-MM-dd}");
        activity?.SetTag("loyalife.trigger", run.Trigger);
        activity?.SetTag("loyalife.dry_run", run.DryRun);

        var claimed = await store.ClaimAsync(run.RunId, lease.FencingToken, stopping);
        if (claimed is null)
        {
            return null;
        }

        var report = claimed.Report;
        var book = new ReportBook(report, telemetry, time);
        book.NewAttempt();

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = run.RunId, ["ProgramId"] = run.ProgramId });
        logger.LogInformation("Run {RunId} of program {ProgramId} for {From}..{To} ({Trigger}{Dry}) starts, attempt {Attempt}",
            run.RunId, run.ProgramId, run.From, run.To, run.Trigger, run.DryRun ? ", dry run" : "", claimed.Attempts);
        var started = time.GetTimestamp();
        string status;
        var credentialsRejected = false;
        try
        {
            await delivery.RunAsync(claimed, lease, book, stopping);
            status = RunStatus.Succeeded;
            if (!run.DryRun)
            {
                book.Verification(await verifier.ScheduleAsync(claimed, report, stopping));
            }

            await store.FinishAsync(run.RunId, lease.FencingToken, status, null, report, CancellationToken.None);
        }
        catch (Exception exception) when (exception is LeaseLostException
            || (exception is OperationCanceledException && (stopping.IsCancellationRequested || lease.Lost.IsCancellationRequested)))
        {
            logger.LogWarning("Run {RunId} stopped before its end ({Why}); it resumes from its checkpoint", run.RunId, exception.Message);
            activity?.SetStatus(ActivityStatusCode.Error, "interrupted");
            return null;
        }
        catch (RunHeldException held)
        {
            status = RunStatus.Held;
            book.HeldAt(held.Held);
            logger.LogWarning("Run {RunId} is held before sending {Date}: {Summary}", run.RunId, held.Held.BusinessDate, held.Held.Summary);
            try
            {
                await store.FinishAsync(run.RunId, lease.FencingToken, status, held.Message, report, CancellationToken.None);
            }
            catch (LeaseLostException)
            {
                return null;
            }
        }
        catch (Exception exception)
        {
            status = RunStatus.Failed;
            credentialsRejected = exception is CredentialsRejectedException;
            var reason = exception switch
            {
                CredentialsRejectedException or IntegrationDisabledException or MoEngageUnavailableException or SourceException
                    or AttributeNameException => exception.Message,
                RedisException or RedisTimeoutException => $"Redis (program locks, shared quota) is unavailable: {RedisFailure.Summary(exception)}",
                _ => $"unexpected error: {exception.Message}",
            };
            book.Failed(reason);
            logger.LogError(exception is CredentialsRejectedException or IntegrationDisabledException ? null : exception,
                "Run {RunId} failed: {Reason}", run.RunId, reason);
            activity?.SetStatus(ActivityStatusCode.Error, reason);
            try
            {
                await store.FinishAsync(run.RunId, lease.FencingToken, status, reason, report, CancellationToken.None);
            }
            catch (LeaseLostException)
            {
                return null;
            }
        }

        // Only a run that went through its dates counts every member it asked about.
        await alerts.ObserveAsync(new RunOutcome(claimed, status, report.Error, credentialsRejected,
            status == RunStatus.Held ? report.Held : null,
            status == RunStatus.Succeeded ? report.MembersNotInMoEngage : null), CancellationToken.None);
        telemetry.RunFinished(status, run.Trigger, time.GetElapsedTime(started));
        activity?.SetTag("loyalife.status", status);
        logger.LogInformation("Run {RunId} {Status}: {Members} members, {Events} events, {Requests} requests, {Rejected} rejected",
            run.RunId, status, report.MembersSent, report.EventsSent.Values.Sum(), report.Requests, report.RejectedElements);
        return status;
    }
}

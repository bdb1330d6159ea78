using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Executes one run under a held program lock: credentials once, then for each date the member pages and
/// then the event pages (each page's members confirmed first), packed, paced and posted, with a checkpoint
/// after each accepted body; a run that succeeds leaves its verification pending.
/// </summary>
public sealed class RunEngine(
    ISettingsSource settings,
    ISnapshotSource snapshots,
    MoEngageClient moengage,
    IQuotaLimiter limiter,
    FencedRunStore store,
    ConfirmationStore confirmations,
    GetUserClient getUser,
    RunVerifier verifier,
    IOptions<SyncOptions> syncOptions,
    IOptions<MoEngageOptions> moengageOptions,
    IOptions<ExistenceOptions> existenceOptions,
    DispatcherTelemetry telemetry,
    HoldGate holds,
    AlertMonitor alerts,
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
        if (report.Error is not null)
        {
            report.PreviousErrors.Add(report.Error);
            report.Error = null;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = run.RunId, ["ProgramId"] = run.ProgramId });
        logger.LogInformation("Run {RunId} of program {ProgramId} for {From}..{To} ({Trigger}{Dry}) starts, attempt {Attempt}",
            run.RunId, run.ProgramId, run.From, run.To, run.Trigger, run.DryRun ? ", dry run" : "", claimed.Attempts);
        var started = time.GetTimestamp();
        string status;
        var credentialsRejected = false;
        try
        {
            await RunAsync(claimed, lease, report, stopping);
            status = RunStatus.Succeeded;
            if (!run.DryRun)
            {
                report.Verification = await verifier.ScheduleAsync(claimed, report, stopping);
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
            report.Held = held.Held;
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
                // The client's own message is a page of connection diagnostics; an on-call engineer needs the dependency first.
                RedisException or RedisTimeoutException => $"Redis (program locks, shared quota) is unavailable: {exception.Message.Split(" - ")[0]}",
                _ => $"unexpected error: {exception.Message}",
            };
            report.Error = reason;
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

    /// <summary>Reads the credentials, then puts the run's parts together, each given only what it uses, and runs its dates.</summary>
    private async Task RunAsync(SyncRun run, ProgramLease lease, RunReport report, CancellationToken stopping)
    {
        using var waits = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
        var credentials = await ReadCredentialsAsync(run, stopping);
        var sync = syncOptions.Value;
        var bulk = moengageOptions.Value;
        var rejections = new Rejections(report);
        var progress = new RunProgress(store, run, lease, report, rejections);
        var book = new ReportBook(report, rejections, telemetry, bulk.MaxBodyBytes, sync.Quota);
        var elements = new BulkElementWriter(AttributeNames.From(credentials.AttributeNames));
        var gate = new ExistenceGate(confirmations, getUser, limiter, credentials, run, report, progress, existenceOptions.Value, time, waits.Token);
        var sender = new BodySender(moengage, limiter, credentials, lease, waits.Token);
        var enabled = new EnabledCheck(settings, run, sync.EnabledCheckInterval, time, stopping);
        var window = new BodyWindow(sender, book, progress, enabled, run, bulk.MaxConcurrentRequests, logger, stopping);
        var streams = new StreamDelivery(snapshots, run, sync.PageSize, bulk.MaxBodyBytes, elements, gate, window, book, rejections, lease, stopping);
        var loop = new RunLoop(run, new DaySummaries(snapshots, run, report, stopping), streams, gate, book, progress,
            date => holds.CheckAsync(run, date, report, stopping));
        await loop.RunAsync();
    }

    private async Task<MoEngageCredentials> ReadCredentialsAsync(SyncRun run, CancellationToken stopping)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("credentials");
        var found = await settings.GetCredentialsAsync(run.ProgramId, stopping)
            ?? throw new IntegrationDisabledException($"program {run.ProgramId} has no MoEngage settings");
        if (!found.Enabled && !run.DryRun)
        {
            throw new IntegrationDisabledException($"the MoEngage integration of program {run.ProgramId} is disabled");
        }

        activity?.SetTag("loyalife.moengage.data_center", found.DataCenter);
        return found;
    }
}

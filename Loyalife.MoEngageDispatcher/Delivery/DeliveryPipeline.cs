namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// A run's delivery, from the credentials to the last date synced: snapshot pages in, packed into bodies,
/// events past the existence gate, bodies through the window of requests in flight to Bulk Import, progress
/// saved under the fencing token. It reaches out only through its ports (<see cref="ISnapshotSource"/>,
/// <see cref="IBulkImport"/>, <see cref="IProgressStore"/>, <see cref="IExistenceGate"/>, <see cref="IHoldRules"/>,
/// <see cref="ISettingsSource"/>, <see cref="ILaneDeliveries"/>), so it runs whole in memory in a test. An intraday pass
/// is a second source of pages into the same steps (<see cref="RunPassAsync"/>).
/// </summary>
public sealed class DeliveryPipeline(
    ISettingsSource settings, ISnapshotSource snapshots, IBulkImport bulkImport, IProgressStore store, IExistenceGate gate,
    IHoldRules holds, IOptions<SyncOptions> syncOptions, IOptions<MoEngageOptions> moengageOptions, TimeProvider time,
    ILogger<DeliveryPipeline> logger, ILaneDeliveries lane)
{
    /// <summary>Reads the run's credentials, then runs its dates.</summary>
    internal async Task RunAsync(SyncRun run, ProgramLease lease, ReportBook book, CancellationToken stopping)
    {
        using var waits = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
        var credentials = await ReadCredentialsAsync(run, stopping);
        await RunAsync(new RunContext(run, credentials, lease.FencingToken, book, stopping, lease.Lost, waits.Token));
    }

    /// <summary>Puts the run's steps together, each given the run's context and only the ports it uses, and runs its dates.</summary>
    internal Task RunAsync(RunContext context)
    {
        var (streams, progress) = Steps(context, snapshots, store);
        return new RunLoop(context, new DaySummaries(snapshots), streams, gate, holds, progress, syncOptions.Value.Quota, time, lane).RunAsync();
    }

    /// <summary>
    /// An intraday pass through the same steps: its pages from <paramref name="pass"/>, its progress in
    /// <paramref name="passStore"/>, <paramref name="checkHold"/> before anything of it is sent.
    /// </summary>
    internal Task RunPassAsync(RunContext context, ISnapshotSource pass, IProgressStore passStore, Func<DayReport, Task> checkHold)
    {
        var (streams, progress) = Steps(context, pass, passStore);
        return new PassLoop(context, new DaySummaries(pass), streams, progress, checkHold).RunAsync();
    }

    private (StreamDelivery Streams, RunProgress Progress) Steps(RunContext context, ISnapshotSource pages, IProgressStore progressStore)
    {
        var sync = syncOptions.Value;
        var bulk = moengageOptions.Value;
        var progress = new RunProgress(progressStore, context);
        var enabled = new EnabledCheck(settings, context, sync.EnabledCheckInterval, time);
        var window = new BodyWindow(context, new BodySender(bulkImport), progress, enabled, bulk.MaxConcurrentRequests, bulk.MaxBodyBytes, logger);
        var elements = new BulkElementWriter(AttributeNames.From(context.Credentials.AttributeNames));
        return (new StreamDelivery(context, pages, gate, window, progress, elements, sync.PageSize, bulk.MaxBodyBytes), progress);
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

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// A run's delivery, from the credentials to the last date synced: snapshot pages in, packed into bodies,
/// events past the existence gate, bodies through the window of requests in flight to Bulk Import, progress
/// saved under the fencing token. It reaches out only through its ports (<see cref="ISnapshotSource"/>,
/// <see cref="IBulkImport"/>, <see cref="IProgressStore"/>, <see cref="IExistenceGate"/>, <see cref="IHoldRules"/>,
/// <see cref="ISettingsSource"/>), so it runs whole in memory in a test.
/// </summary>
public sealed class DeliveryPipeline(
    ISettingsSource settings, ISnapshotSource snapshots, IBulkImport bulkImport, IProgressStore store, IExistenceGate gate,
    IHoldRules holds, IOptions<SyncOptions> syncOptions, IOptions<MoEngageOptions> moengageOptions, TimeProvider time,
    ILogger<DeliveryPipeline> logger)
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
        var sync = syncOptions.Value;
        var bulk = moengageOptions.Value;
        var progress = new RunProgress(store, context);
        var enabled = new EnabledCheck(settings, context, sync.EnabledCheckInterval, time);
        var window = new BodyWindow(context, new BodySender(bulkImport), progress, enabled, bulk.MaxConcurrentRequests, bulk.MaxBodyBytes, logger);
        var elements = new BulkElementWriter(AttributeNames.From(context.Credentials.AttributeNames));
        var streams = new StreamDelivery(context, snapshots, gate, window, progress, elements, sync.PageSize, bulk.MaxBodyBytes);
        return new RunLoop(context, new DaySummaries(snapshots), streams, gate, holds, progress, sync.Quota, time).RunAsync();
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

namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>
/// What one program does on a tick or a wake-up, under its lock: finish interrupted and queued runs, retry
/// failed ones, then (on a tick) run each closed date not yet synced, oldest first, stopping at a failure; then,
/// when the nights have nothing left to do, the intraday lane's pass if one is due (so the lane never starves a night).
/// </summary>
public sealed class SyncScheduler(
    ProgramLock locks,
    RunStore store,
    RunEngine engine,
    RunVerifier verifier,
    HeldRunStore holds,
    IntradayLane lane,
    ISnapshotSource snapshots,
    IOptions<SyncOptions> options,
    DispatcherTelemetry telemetry,
    TimeProvider time,
    ILogger<SyncScheduler> logger)
{
    public async Task ProcessProgramAsync(string programId, bool scheduleDueDates, ActivityContext trigger, CancellationToken stopping)
    {
        await using var lease = await locks.TryAcquireAsync(programId, stopping);
        if (lease is null)
        {
            logger.LogDebug("Program {ProgramId} is being synced elsewhere; nothing to do", programId);
            return;
        }

        // Verifications whose time has come are completed by whoever holds the lock, before and after runs.
        await verifier.CompleteDueAsync(programId, stopping);
        var days = options.Value.MaxCatchUpDays;
        TimeZoneInfo? zone = null;
        var executed = new List<Guid>();
        while (!stopping.IsCancellationRequested && !lease.Lost.IsCancellationRequested)
        {
            if (await holds.HasHeldRunAsync(programId, stopping))
            {
                // Oldest first holds here too: nothing later of the program goes out before an admin decides.
                logger.LogInformation("Program {ProgramId} has a held run; its later days wait for a release or skip", programId);
                return;
            }

            var run = await store.NextRunnableAsync(programId, time.GetUtcNow().AddDays(-days), executed, stopping);
            if (run is null && scheduleDueDates)
            {
                zone ??= await ZoneAsync(programId, stopping);
                var now = time.GetUtcNow();
                var latest = BusinessDay.LatestClosed(zone, now);
                var synced = await store.SyncedDaysAsync(programId, latest.AddDays(1 - days), stopping);
                var due = CatchUp.DueDates(zone, now, days, synced);
                telemetry.Lag(programId, due.Count == 0 ? TimeSpan.Zero : now - new BusinessDay(due[0], zone).End);
                if (due.Count > 0)
                {
                    run = await store.CreateRunAsync(programId, due[0], due[0], RunTrigger.Cron, dryRun: false,
                        trigger == default ? null : Format(trigger), onlyIfIdle: true, stopping);
                }
            }

            if (run is null)
            {
                if (scheduleDueDates)
                {
                    await lane.RunDueAsync(programId, lease, trigger, stopping);
                }

                return;
            }

            executed.Add(run.RunId);
            var status = await engine.ExecuteAsync(run, lease, trigger, stopping);
            await verifier.CompleteDueAsync(programId, stopping);
            if (status != RunStatus.Succeeded)
            {
                // Oldest first: a later date waits until the failed one went through (retried on the next tick).
                return;
            }
        }
    }

    private async Task<TimeZoneInfo> ZoneAsync(string programId, CancellationToken cancellationToken)
    {
        var program = await snapshots.GetProgramAsync(programId, cancellationToken)
            ?? throw new SourceException($"snapshot-service does not know program {programId}");
        return TimeZoneInfo.FindSystemTimeZoneById(program.TimeZone);
    }

    private static string Format(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}

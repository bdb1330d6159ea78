using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// The intraday lane of one program, under the program's lock and after its nights (docs/architecture.md, "The
/// intraday lane"): every <c>intradayMinutes</c> a pass of the open day through the delivery pipeline. An unfinished
/// pass resumes while its day is open and is abandoned once the day closed or the lane was switched off (the night
/// sends what it did not); a held pass stops the lane for its day.
/// </summary>
public sealed class IntradayLane(
    PassStore passes,
    LaneStore lane,
    ISettingsSource settings,
    IIntradaySource source,
    ISnapshotSource snapshots,
    RunStore runs,
    DeliveryPipeline delivery,
    HeldRunStore history,
    AlertMonitor alerts,
    IOptions<HeldRunsOptions> holdOptions,
    DispatcherTelemetry telemetry,
    TimeProvider time,
    ILogger<IntradayLane> logger)
{
    /// <summary>
    /// A pass is due at the first tick no more than this before its minutes are up. Ticks come every minute give or
    /// take some milliseconds, so without it a tick just short of the interval deferred the pass by a whole tick
    /// (a lane of 5 minutes passed every 6); half a tick still keeps a lane of one minute to one pass a tick.
    /// </summary>
    private static readonly TimeSpan TickSlack = TimeSpan.FromSeconds(30);

    /// <summary>Runs the program's pass if one is due (the lane is on when the integration is on and has <c>intradayMinutes</c>).</summary>
    public async Task RunDueAsync(string programId, ProgramLease lease, ActivityContext trigger, CancellationToken stopping)
    {
        var credentials = await settings.GetCredentialsAsync(programId, stopping);
        var minutes = credentials is { Enabled: true } ? credentials.IntradayMinutes : null;
        var latest = await passes.LatestAsync(programId, stopping);
        if (minutes is null)
        {
            if (latest is { Unfinished: true })
            {
                await passes.AbandonAsync(latest.PassId, "the intraday lane was switched off", stopping);
            }

            return;
        }

        var horizon = await source.GetHorizonAsync(programId, stopping);
        var today = DateOnly.ParseExact(horizon.BusinessDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        if ((await runs.SyncedDaysAsync(programId, today, stopping)).Contains(today))
        {
            return;
        }

        if (latest is { Unfinished: true })
        {
            if (latest.Window.Date == today)
            {
                await ExecuteAsync(latest, credentials!, lease, trigger, resume: true, stopping);
                return;
            }

            await passes.AbandonAsync(latest.PassId, "its day closed before it finished; the night sends the rest", stopping);
        }

        if (await passes.HeldOnAsync(programId, today, stopping))
        {
            return;
        }

        var last = await passes.LastSucceededAsync(programId, today, stopping);
        if (last is not null && last.Window.CutOff.AddMinutes(minutes.Value) - TickSlack > horizon.CutOff)
        {
            return;
        }

        // A horizon never goes back; should one read lower (another server), the pass reads nothing new rather than rows twice.
        var to = Math.Max(ulong.Parse(horizon.Horizon, CultureInfo.InvariantCulture), last?.Window.To ?? 0);
        var cutOff = last is null || horizon.CutOff > last.Window.CutOff ? horizon.CutOff : last.Window.CutOff;
        var window = new PassWindow(today, last?.Window.To, last?.Window.CutOff, to, cutOff);
        var pass = await passes.CreateAsync(programId, window, lease.FencingToken, stopping);
        await ExecuteAsync(pass, credentials!, lease, trigger, resume: false, stopping);
    }

    private async Task ExecuteAsync(
        PassRow pass, MoEngageCredentials credentials, ProgramLease lease, ActivityContext trigger, bool resume, CancellationToken stopping)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity(ActivityKind.Internal, trigger, name: "intraday pass");
        activity?.SetTag("loyalife.program_id", pass.ProgramId);
        activity?.SetTag("loyalife.pass_id", pass.PassId);
        activity?.SetTag("loyalife.business_date", pass.Window.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (resume)
        {
            if (await passes.ClaimAsync(pass.PassId, lease.FencingToken, stopping) is not { } claimed)
            {
                return;
            }

            pass = claimed;
        }

        var now = time.GetUtcNow();
        var run = new SyncRun(pass.PassId, pass.ProgramId, pass.Window.Date, pass.Window.Date, RunTrigger.Intraday, false, RunStatus.Running, null,
            now, now, null, 1, pass.Checkpoint, activity?.Id, pass.Report);
        var book = new ReportBook(pass.Report, telemetry, time);
        book.NewAttempt();
        var started = time.GetTimestamp();
        string status;
        string? reason = null;
        try
        {
            using var waits = CancellationTokenSource.CreateLinkedTokenSource(stopping, lease.Lost);
            var program = await snapshots.GetProgramAsync(pass.ProgramId, stopping)
                ?? throw new SourceException($"snapshot-service does not know program {pass.ProgramId}");
            var day = new BusinessDay(pass.Window.Date, TimeZoneInfo.FindSystemTimeZoneById(program.TimeZone));
            var hold = new PassHold(passes, history, holdOptions, time);
            var context = new RunContext(run, credentials, lease.FencingToken, book, stopping, lease.Lost, waits.Token, new PassRecorder(lane, pass, time));
            await delivery.RunPassAsync(context, new PassPages(source, pass.Window), passes, summary => hold.CheckAsync(pass, day, summary, stopping));
            status = PassStatus.Succeeded;
        }
        catch (Exception exception) when (exception is LeaseLostException
            || (exception is OperationCanceledException && (stopping.IsCancellationRequested || lease.Lost.IsCancellationRequested)))
        {
            logger.LogWarning("Intraday pass {PassId} of program {ProgramId} stopped before its end; it resumes while its day is open",
                pass.PassId, pass.ProgramId);
            return;
        }
        catch (RunHeldException held)
        {
            (status, reason) = (PassStatus.Held, held.Message);
            book.HeldAt(held.Held);
            logger.LogWarning("Intraday pass {PassId} of program {ProgramId} is held; the lane stops for {Date}: {Summary}",
                pass.PassId, pass.ProgramId, pass.Window.Date, held.Held.Summary);
        }
        catch (Exception exception) when (exception is CredentialsRejectedException or IntegrationDisabledException or MoEngageUnavailableException
            or SourceException or AttributeNameException or RedisException or HttpRequestException)
        {
            (status, reason) = (PassStatus.Failed, exception.Message);
            book.Failed(exception.Message);
            logger.LogWarning("Intraday pass {PassId} of program {ProgramId} failed: {Reason}", pass.PassId, pass.ProgramId, exception.Message);
        }

        if (status != PassStatus.Succeeded)
        {
            try
            {
                await passes.FinishAsync(pass.PassId, lease.FencingToken, status, reason, pass.Report, CancellationToken.None);
            }
            catch (LeaseLostException)
            {
                return;
            }
        }

        await alerts.ObserveAsync(new RunOutcome(run, status, reason, Held: status == PassStatus.Held ? pass.Report.Held : null), CancellationToken.None);
        telemetry.RunFinished(status, RunTrigger.Intraday, time.GetElapsedTime(started));
        activity?.SetTag("loyalife.status", status);
        logger.LogInformation("Intraday pass {PassId} of program {ProgramId} {Status}: {Members} members, {Events} events",
            pass.PassId, pass.ProgramId, status, pass.Report.MembersSent, pass.Report.EventsSent.Values.Sum());
    }
}

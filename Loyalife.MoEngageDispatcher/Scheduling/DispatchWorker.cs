using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>
/// Runs syncs in the background, so the cron binding and the admin API are answered at once (Dapr drops,
/// and does not retry, a tick whose answer is late or not 2xx).
/// </summary>
public sealed class DispatchWorker(
    SyncScheduler scheduler, RunVerifier verifier, ISettingsSource settings, RunStore store, IOptions<SyncOptions> options,
    TimeProvider time, ILogger<DispatchWorker> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> wakes = new();
    private readonly Channel<DispatchRequest> requests = Channel.CreateUnbounded<DispatchRequest>();
    private readonly ConcurrentDictionary<Task, bool> inFlight = new();
    private readonly SemaphoreSlim programs = new(options.Value.MaxConcurrentPrograms);
    private readonly ProgramTurns turns = new();

    /// <summary>A cron tick: every enabled program looks for due dates.</summary>
    public void Tick(ActivityContext trigger) => requests.Writer.TryWrite(new DispatchRequest(null, trigger));

    /// <summary>A program has a new pending run (admin API).</summary>
    public void Wake(string programId, ActivityContext trigger) => requests.Writer.TryWrite(new DispatchRequest(programId, trigger));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A restarted dispatcher picks up what it (or a crashed replica) left unfinished without waiting for a tick.
        try
        {
            foreach (var programId in await store.ProgramsWithUnfinishedRunsAsync(stoppingToken))
            {
                Wake(programId, default);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Could not look for unfinished runs at start-up");
        }

        try
        {
            await foreach (var request in requests.Reader.ReadAllAsync(stoppingToken))
            {
                var task = HandleAsync(request, stoppingToken);
                inFlight[task] = true;
                _ = task.ContinueWith(done => inFlight.TryRemove(done, out _), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Runs stop at their next body boundary; wait for them so their last checkpoint is written.
        await Task.WhenAll(inFlight.Keys);
    }

    private async Task HandleAsync(DispatchRequest request, CancellationToken stopping)
    {
        await Task.Yield();
        try
        {
            if (request.ProgramId is not null)
            {
                await ProcessAsync(request.ProgramId, scheduleDueDates: false, request.Trigger, stopping);
                return;
            }

            var enabled = await settings.GetEnabledProgramsAsync(stopping);
            await Task.WhenAll(enabled.Select(program => ProcessAsync(program.ProgramId, scheduleDueDates: true, request.Trigger, stopping)));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Dispatch of {Target} failed", request.ProgramId ?? "the nightly tick");
        }
    }

    private async Task ProcessAsync(string programId, bool scheduleDueDates, ActivityContext trigger, CancellationToken stopping)
    {
        if (!turns.TryBegin(programId, scheduleDueDates, trigger))
        {
            return;
        }

        while (true)
        {
            try
            {
                await ProcessTurnAsync(programId, scheduleDueDates, trigger, stopping);
            }
            catch
            {
                turns.Abandon(programId);
                throw;
            }

            if (turns.EndOrNext(programId) is not { } next)
            {
                return;
            }

            (scheduleDueDates, trigger) = (next.ProgramId is null, next.Trigger);
        }
    }

    private async Task ProcessTurnAsync(string programId, bool scheduleDueDates, ActivityContext trigger, CancellationToken stopping)
    {
        await programs.WaitAsync(stopping);
        try
        {
            await scheduler.ProcessProgramAsync(programId, scheduleDueDates, trigger, stopping);
            await WakeForVerificationAsync(programId, stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            logger.LogError(exception, "Sync of program {ProgramId} failed", programId);
        }
        finally
        {
            programs.Release();
        }
    }

    /// <summary>
    /// A verification falls due after its run let go of the lock: a timer wakes the program then (one per
    /// program), so it does not wait for the next tick. Lost with the process; the start-up wake covers that.
    /// </summary>
    private async Task WakeForVerificationAsync(string programId, CancellationToken stopping)
    {
        if (await verifier.NextDueAsync(programId, stopping) is not { } due
            || (wakes.TryGetValue(programId, out var set) && set <= due))
        {
            return;
        }

        // A race here only sets a second timer, and a second wake finds nothing due.
        wakes[programId] = due;

        _ = Task.Run(async () =>
        {
            try
            {
                var wait = due - time.GetUtcNow();
                await Task.Delay(wait > TimeSpan.Zero ? wait + TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(1), time, stopping);
                wakes.TryRemove(new KeyValuePair<string, DateTimeOffset>(programId, due));
                Wake(programId, default);
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
    }

    public override void Dispose()
    {
        programs.Dispose();
        base.Dispose();
    }
}

namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// The dispatcher's only sender of alerts: routes new alerts to the program's targets, then attempts each
/// delivery that is due, retrying with back-off (the first retry after <c>FirstRetryDelay</c>, each later
/// one twice as long, up to <c>MaxRetryDelay</c>) until it is delivered or <c>MaxAttempts</c> is spent.
/// </summary>
public sealed class AlertSender(
    AlertStore store, IAlertTargetSource targets, WebhookClient webhooks, IOptions<AlertOptions> options, TimeProvider time,
    ILogger<AlertSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    // Past the time a pass needs for its batch: the store's reads and writes around the attempts, and a loaded machine.
    private static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim wake = new(0, 1);

    /// <summary>Something was raised: look now rather than at the next poll.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PassAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Alert deliveries could not be processed; trying again at the next poll");
            }

            try
            {
                await wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <returns>How many deliveries were attempted.</returns>
    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, IReadOnlyList<AlertTarget>?>();
        async Task<IReadOnlyList<AlertTarget>?> TargetsAsync(string programId)
        {
            if (!read.TryGetValue(programId, out var found))
            {
                try
                {
                    found = await targets.GetTargetsAsync(programId, cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    logger.LogWarning("Alert targets of program {ProgramId} unavailable: {Error}", programId, exception.Message);
                    found = null;
                }

                read[programId] = found;
            }

            return found;
        }

        await store.RouteAsync(TargetsAsync, cancellationToken);
        var settings = options.Value;
        var due = await store.ClaimDueAsync(BatchSize, ClaimWindow(settings), cancellationToken);
        foreach (var delivery in due)
        {
            DeliveryResult result;
            if (await TargetsAsync(delivery.ProgramId) is not { } current)
            {
                result = new DeliveryResult(DeliveryOutcome.Retry, null, "the program's alert targets could not be read from settings-service");
            }
            else if (current.FirstOrDefault(target => target.TargetId == delivery.TargetId) is not { } target)
            {
                result = new DeliveryResult(DeliveryOutcome.Failed, null, "the alert target was removed");
            }
            else
            {
                // The secret is fetched for each pass and never stored with the delivery.
                result = await webhooks.SendAsync(target.Url, target.SigningSecret, delivery.DeliveryId,
                    Encoding.UTF8.GetBytes(delivery.Body.ToJsonString()), cancellationToken);
            }

            await RecordAsync(delivery, result, settings, cancellationToken);
        }

        return due.Count;
    }

    /// <summary>
    /// How long claimed deliveries are left alone by other replicas. A pass attempts its batch one delivery after
    /// another, each for at most <see cref="AlertOptions.RequestTimeout"/>, so the claim outlasts the whole batch:
    /// shorter, another replica could claim and send a delivery this pass has yet to attempt, and the receiver would
    /// get it twice. A replica that stops mid-pass leaves its claims to expire after this long.
    /// </summary>
    private static TimeSpan ClaimWindow(AlertOptions settings) => settings.RequestTimeout * BatchSize + ClaimMargin;

    private async Task RecordAsync(DueDelivery delivery, DeliveryResult result, AlertOptions settings, CancellationToken cancellationToken)
    {
        var attempts = delivery.Attempts + 1;
        if (result.Outcome == DeliveryOutcome.Delivered)
        {
            await store.RecordAttemptAsync(delivery.DeliveryId, DeliveryState.Delivered, result.Status, null, null, cancellationToken);
            return;
        }

        if (result.Outcome == DeliveryOutcome.Retry && attempts < settings.MaxAttempts)
        {
            var delay = TimeSpan.FromTicks(Math.Min(settings.MaxRetryDelay.Ticks, settings.FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 40))));
            await store.RecordAttemptAsync(delivery.DeliveryId, DeliveryState.Pending, result.Status, result.Error, time.GetUtcNow() + delay, cancellationToken);
            return;
        }

        var error = result.Outcome == DeliveryOutcome.Retry ? $"gave up after {attempts} attempts: {result.Error}" : result.Error;
        logger.LogWarning("Alert delivery {DeliveryId} of program {ProgramId} failed: {Error}", delivery.DeliveryId, delivery.ProgramId, error);
        await store.RecordAttemptAsync(delivery.DeliveryId, DeliveryState.Failed, result.Status, error, null, cancellationToken);
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }
}

namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// Where runs report what happened to them: turns an outcome into the alerts its changes of state raise.
/// Recording an alert never fails a run: a problem here is logged, and the run's own status stands.
/// </summary>
public sealed class AlertMonitor(AlertStore store, AlertSender sender, IOptions<AlertOptions> options, TimeProvider time, ILogger<AlertMonitor> logger)
{
    public async Task ObserveAsync(RunOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Run.DryRun)
        {
            return;
        }

        var run = outcome.Run;
        try
        {
            var raised = await store.ObserveAsync(run.ProgramId,
                states => AlertConditions.Decide(outcome, states, options.Value),
                (alertId, kind, observation) => AlertBody.Build(alertId, kind, observation.Active ? AlertBody.Raised : AlertBody.Resolved,
                    run.ProgramId, run, observation.Text, observation.Figures, options.Value.AdminPageUrl, time.GetUtcNow()),
                cancellationToken);
            if (raised.Count > 0)
            {
                logger.LogInformation("Run {RunId} of program {ProgramId} raised {Count} alert(s)", run.RunId, run.ProgramId, raised.Count);
                sender.Wake();
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The alerts of run {RunId} of program {ProgramId} could not be recorded", run.RunId, run.ProgramId);
        }
    }
}

namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>The check a run makes before it sends a day: the program's hold rules against its recent synced nights.</summary>
public sealed class HoldGate(HeldRunStore store, IOptions<HeldRunsOptions> options, TimeProvider time) : IHoldRules
{
    /// <summary>Throws <see cref="RunHeldException"/> when <paramref name="date"/> breaks a rule; dry runs and a released day pass.</summary>
    public async Task CheckAsync(SyncRun run, DateOnly date, RunReport report, CancellationToken cancellationToken)
    {
        var key = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (run.DryRun || report.Held is { ReleasedAt: not null } released && released.BusinessDate == key)
        {
            return;
        }

        var rules = options.Value.For(run.ProgramId);
        if (!rules.Enabled)
        {
            return;
        }

        var day = report.Days[key];
        var history = await store.HistoryAsync(run.ProgramId, date, rules.HistoryNights, cancellationToken);
        var breaches = HoldCheck.Evaluate(rules, new NightFigures(date, day.MembersInSnapshot, day.EventsInSnapshot), history);
        if (breaches.Count > 0)
        {
            throw new RunHeldException(new HeldReport
            {
                BusinessDate = key, Rule = breaches[0].Rule, Figures = breaches[0].Figures, Summary = breaches[0].Summary,
                Breaches = [.. breaches], HeldAt = time.GetUtcNow(),
            });
        }
    }
}

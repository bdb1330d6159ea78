namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// The program's hold rules for a pass: the day's events so far (the passes that went through and this one),
/// projected to a whole day from the part of it the cut-off has reached (at least an hour's worth, so the day's
/// first minutes are not multiplied a thousandfold), against the recent synced nights. The member-count rule does
/// not apply: a pass refreshes only the members it concerns. A pass that breaks a rule is held and the lane stops for
/// the day until an admin releases it (sent as held) or skips it (never sent, by the lane nor by the night); the
/// night sends what the lane did not, after its own hold check on the whole day.
/// </summary>
internal sealed class PassHold(PassStore passes, HeldRunStore history, IOptions<HeldRunsOptions> options, TimeProvider time)
{
    public async Task CheckAsync(PassRow pass, BusinessDay day, DayReport summary, CancellationToken cancellationToken)
    {
        var rules = options.Value.For(pass.ProgramId);
        // Released by an admin: it goes out as it was held, without being weighed again.
        if (!rules.Enabled || pass.Report.Held?.ReleasedAt is not null)
        {
            return;
        }

        var nights = await history.HistoryAsync(pass.ProgramId, day.Date, rules.HistoryNights, cancellationToken);
        if (nights.Count == 0)
        {
            return;
        }

        var events = await passes.EventsSoFarAsync(pass.ProgramId, day.Date, cancellationToken);
        foreach (var (name, count) in summary.EventsInSnapshot)
        {
            events[name] = events.GetValueOrDefault(name) + count;
        }

        var length = (day.End - day.Start).TotalSeconds;
        var share = Math.Max((pass.Window.CutOff - day.Start).TotalSeconds / length, 3600 / length);
        var projected = events.ToDictionary(pair => pair.Key, pair => (long)Math.Ceiling(pair.Value / Math.Min(share, 1)));
        // The newest night's member count: the member-count rule never trips for a pass.
        var breaches = HoldCheck.Evaluate(rules, new NightFigures(day.Date, nights[0].Members, projected), nights);
        if (breaches.Count > 0)
        {
            var key = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            throw new RunHeldException(new HeldReport
            {
                BusinessDate = key, Rule = breaches[0].Rule, Figures = breaches[0].Figures,
                Summary = $"intraday pass (the day so far, projected to a whole day): {breaches[0].Summary}",
                Breaches = [.. breaches], HeldAt = time.GetUtcNow(),
            });
        }
    }
}

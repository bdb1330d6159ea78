namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// Reads a run's outcome as the conditions it sets or clears (pure). Whether that is a change, and so an
/// alert, is the store's to decide against the program's stored states: a run failing again on the next
/// tick observes what is already known, and nobody is told twice.
/// </summary>
public static class AlertConditions
{
    public static IReadOnlyList<AlertObservation> Decide(
        RunOutcome outcome, IReadOnlyDictionary<string, AlertState> states, AlertOptions options)
    {
        var run = outcome.Run;
        var program = run.ProgramId;
        var date = run.From == run.To ? $"{run.From:yyyy-MM-dd}" : $"{run.From:yyyy-MM-dd}…{run.To:yyyy-MM-dd}";
        if (run.Trigger == RunTrigger.Intraday)
        {
            return Intraday(outcome, program);
        }

        var observations = new List<AlertObservation>();
        switch (outcome.Status)
        {
            case RunStatus.Succeeded:
                observations.Add(new(AlertCondition.RunFailed, false, null,
                    $"Program {program}: the sync of {date} succeeded; syncing to MoEngage works again.", []));
                observations.Add(new(AlertCondition.CredentialsRejected, false, null,
                    $"Program {program}: MoEngage accepts the credentials again (sync of {date} succeeded).", []));
                break;
            case RunStatus.Failed when outcome.CredentialsRejected:
                observations.Add(new(AlertCondition.CredentialsRejected, true, null,
                    $"Program {program}: MoEngage rejected the credentials in the sync of {date}: {outcome.Reason} Nothing more is sent until the App ID and API key are corrected on the admin page.",
                    new JsonObject { ["reason"] = outcome.Reason }));
                break;
            case RunStatus.Failed:
                observations.Add(new(AlertCondition.RunFailed, true, null,
                    $"Program {program}: the sync of {date} failed: {outcome.Reason} It is retried on the next tick.",
                    new JsonObject { ["reason"] = outcome.Reason }));
                break;
            case RunStatus.Held when outcome.Held is { } held:
                observations.Add(new(AlertCondition.RunHeld, true, null,
                    $"Program {program}: the sync of {held.BusinessDate} is held and nothing of it was sent: {held.Summary}. Later days wait too. Release or skip it on the admin page.",
                    held.Figures.DeepClone().AsObject()));
                break;
            case RunStatus.Pending or RunStatus.Skipped when outcome.Held is { } decided:
                observations.Add(new(AlertCondition.RunHeld, false, null, outcome.Status == RunStatus.Skipped
                    ? $"Program {program}: the held sync of {decided.BusinessDate} was skipped by {outcome.DecidedBy}; it will never be sent, and later days go on."
                    : $"Program {program}: the held sync of {decided.BusinessDate} was released by {outcome.DecidedBy}; it is sent as it was held.",
                    decided.Figures.DeepClone().AsObject()));
                break;
        }

        if (outcome.VerificationFailing is { } failing)
        {
            observations.Add(new(AlertCondition.VerificationFailing, failing, null, failing
                ? $"Program {program}: most members read back from MoEngage after the sync of {date} do not match what was sent."
                : $"Program {program}: members read back from MoEngage after the sync of {date} match what was sent again.", []));
        }

        if (outcome.MembersNotInMoEngage is { } count)
        {
            observations.Add(MembersNotInMoEngage(program, count, states.GetValueOrDefault(AlertCondition.MembersNotInMoEngage), options));
        }

        return observations;
    }

    /// <summary>
    /// An intraday pass says nothing of the nights (their failures are theirs to clear): only whether the lane is
    /// held. A pass that fails is retried on the next tick and the night sends what it did not, so it raises nothing.
    /// </summary>
    private static List<AlertObservation> Intraday(RunOutcome outcome, string program) => outcome switch
    {
        { Status: RunStatus.Held, Held: { } held } => [new(AlertCondition.IntradayHeld, true, null,
            $"Program {program}: the intraday lane is held for {held.BusinessDate} and stopped for the day: {held.Summary}. Nothing more of that day goes out during the day; its nightly run sends the rest after its own hold check.",
            held.Figures.DeepClone().AsObject())],
        { Status: RunStatus.Succeeded } => [new(AlertCondition.IntradayHeld, false, null,
            $"Program {program}: the intraday lane sends events during the day again.", [])],
        _ => [],
    };

    /// <summary>
    /// A jump is a rise over the usual level (the count when nothing was wrong) by at least the configured
    /// number and share; it ends when the count is back within that of the level it jumped from.
    /// </summary>
    private static AlertObservation MembersNotInMoEngage(string program, long count, AlertState? state, AlertOptions options)
    {
        var usual = state?.Baseline ?? count;
        var rise = count - usual;
        var jumped = state is not null && rise >= options.MembersNotInMoEngageJump && rise * 100.0 > usual * options.MembersNotInMoEngageJumpPercent;
        var figures = new JsonObject { ["members"] = count, ["usual"] = usual };
        var text = jumped
            ? string.Create(CultureInfo.InvariantCulture,
                $"Program {program}: members not in MoEngage jumped from {usual:N0} to {count:N0}; their events are held back. Check their relation references on the admin page.")
            : string.Create(CultureInfo.InvariantCulture, $"Program {program}: members not in MoEngage are back to {count:N0} (from {usual:N0}).");
        // While a jump lasts the level it jumped from is kept; otherwise the level follows the count.
        return new AlertObservation(AlertCondition.MembersNotInMoEngage, jumped, jumped ? usual : count, text, figures);
    }
}

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class AlertConditionsTests
{
    private static readonly SyncRun Run = new(Guid.NewGuid(), "demo", new(2026, 11, 30), new(2026, 11, 30), RunTrigger.Cron, false,
        RunStatus.Succeeded, null, DateTimeOffset.UnixEpoch, null, null, 1, null, null, new RunReport());

    private static AlertObservation NotInMoEngage(long count, AlertState? state) =>
        Assert.Single(AlertConditions.Decide(new RunOutcome(Run, RunStatus.Running, null, MembersNotInMoEngage: count),
            state is null ? new Dictionary<string, AlertState>() : new() { [state.Condition] = state }, new AlertOptions()));

    private static AlertState State(bool active, long baseline) =>
        new(AlertCondition.MembersNotInMoEngage, active, baseline, DateTimeOffset.UnixEpoch);

    [Fact]
    public void MembersNotInMoEngageJumpWhenTheyRiseByAHundredAndByHalfTheirUsualLevel()
    {
        Assert.False(NotInMoEngage(500, null).Active);
        Assert.False(NotInMoEngage(300, State(false, 200)).Active); // +100, but not more than half of 200
        Assert.True(NotInMoEngage(301, State(false, 200)).Active);
        Assert.False(NotInMoEngage(109, State(false, 10)).Active); // far more than half, but fewer than a hundred
        Assert.True(NotInMoEngage(110, State(false, 10)).Active);
    }

    [Fact]
    public void AJumpLastsUntilTheCountIsBackNearTheLevelItJumpedFrom()
    {
        var still = NotInMoEngage(900, State(true, 200));
        Assert.True(still.Active);
        Assert.Equal(200, still.Baseline);

        var back = NotInMoEngage(250, State(true, 200));
        Assert.False(back.Active);
        Assert.Equal(250, back.Baseline);
    }

    [Fact]
    public void AHeldIntradayPassRaisesOnlyTheLanesConditionAndASucceededOneClearsOnlyThat()
    {
        var pass = Run with { Trigger = RunTrigger.Intraday };
        var held = new HeldRuns.HeldReport { BusinessDate = "2026-11-30", Rule = "events_spike", Summary = "6 events", Figures = new JsonObject { ["events"] = 6 } };
        var none = new Dictionary<string, AlertState>();

        var raised = Assert.Single(AlertConditions.Decide(new RunOutcome(pass, RunStatus.Held, "held", Held: held), none, new AlertOptions()));
        var cleared = Assert.Single(AlertConditions.Decide(new RunOutcome(pass, RunStatus.Succeeded, null), none, new AlertOptions()));

        Assert.Equal((AlertCondition.IntradayHeld, true), (raised.Condition, raised.Active));
        Assert.Contains("2026-11-30", raised.Text);
        Assert.Equal((AlertCondition.IntradayHeld, false), (cleared.Condition, cleared.Active));
        Assert.Empty(AlertConditions.Decide(new RunOutcome(pass, RunStatus.Failed, "down"), none, new AlertOptions()));
    }

    [Fact]
    public void ASucceededRunClearsFailuresAndAFailedOneSetsOnlyWhatFailed()
    {
        var succeeded = AlertConditions.Decide(new RunOutcome(Run, RunStatus.Succeeded, null), new Dictionary<string, AlertState>(), new AlertOptions());
        Assert.Equal([(AlertCondition.RunFailed, false), (AlertCondition.CredentialsRejected, false)], succeeded.Select(o => (o.Condition, o.Active)));

        var rejected = AlertConditions.Decide(new RunOutcome(Run, RunStatus.Failed, "401", CredentialsRejected: true), new Dictionary<string, AlertState>(), new AlertOptions());
        Assert.Equal([(AlertCondition.CredentialsRejected, true)], rejected.Select(o => (o.Condition, o.Active)));

        var failed = AlertConditions.Decide(new RunOutcome(Run, RunStatus.Failed, "snapshot-service answered 500"), new Dictionary<string, AlertState>(), new AlertOptions());
        Assert.Equal([(AlertCondition.RunFailed, true)], failed.Select(o => (o.Condition, o.Active)));
        Assert.Contains("snapshot-service answered 500", failed[0].Text);
    }
}

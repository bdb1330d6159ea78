namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

public sealed class TimelineTests
{
    [Fact]
    public async Task ARunsTimelineHoldsEachPhaseOfItsDateInTheOrderTheyBegan()
    {
        var pipeline = new PipelineHarness(members: 25, events: 15);

        await pipeline.RunAsync();

        var date = PipelineHarness.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var timeline = pipeline.Report.Timeline;
        Assert.All(timeline, phase => Assert.Equal(date, phase.Date));
        Assert.Equal(
            [TimelinePhase.Summary, TimelinePhase.HoldCheck, TimelinePhase.MemberPages, TimelinePhase.EventPages, TimelinePhase.Confirmations, TimelinePhase.AbsentCount],
            timeline.Select(phase => phase.Phase));
        Assert.All(timeline, phase => Assert.True(phase.StartedAt <= phase.EndedAt, $"{phase.Phase} ends before it starts"));
        Assert.All(timeline, phase => Assert.InRange(phase.Seconds, 0, (phase.EndedAt - phase.StartedAt).TotalSeconds + 0.001));
        var members = timeline.Single(phase => phase.Phase == TimelinePhase.MemberPages);
        var events = timeline.Single(phase => phase.Phase == TimelinePhase.EventPages);
        Assert.True(members.EndedAt <= events.StartedAt, "the events began before the members ended");
        // Each page of events has its members confirmed: two pages of ten and five, two stretches inside the event pages.
        var confirmations = timeline.Single(phase => phase.Phase == TimelinePhase.Confirmations);
        Assert.Equal(2, confirmations.Stretches);
        Assert.InRange(confirmations.StartedAt, events.StartedAt, events.EndedAt);
    }

    [Fact]
    public async Task TheQuotasWaitsAddUpEveryBodyHeldBackIntoOnePhaseOfTheDate()
    {
        var pipeline = new PipelineHarness(members: 45);
        pipeline.MoEngage.QuotaWait = TimeSpan.FromSeconds(1.5);

        await pipeline.RunAsync();

        var waits = pipeline.Report.Timeline.Single(phase => phase.Phase == TimelinePhase.QuotaWaits);
        var bodies = pipeline.MoEngage.Requests.Count;
        Assert.Equal(bodies, waits.Stretches);
        Assert.Equal(1.5 * bodies, waits.Seconds, precision: 3);
        Assert.Equal(pipeline.Report.PacingWaitSeconds, waits.Seconds, precision: 3);
    }
}

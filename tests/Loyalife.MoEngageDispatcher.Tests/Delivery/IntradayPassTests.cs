namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

/// <summary>
/// The intraday lane as a second source of pages into the delivery pipeline, in memory: a pass's members before its
/// events, every accepted item recorded before its checkpoint; the night leaving out what the lane delivered.
/// </summary>
public sealed class IntradayPassTests
{
    [Fact]
    public async Task APassSendsItsMembersBeforeItsEventsAndRecordsEveryItemMoEngageAccepted()
    {
        var pass = new PipelineHarness(members: 12, events: 30);

        await pass.RunPassAsync();

        var kinds = pass.MoEngage.Requests.Select(request => request.Elements[0].Type).ToList();
        Assert.Equal(kinds.OrderBy(kind => kind == "customer" ? 0 : 1), kinds);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"e{i}").Order(), pass.Landed("event").Order());
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"e{i}").Order(),
            pass.Recorded.Where(r => r.Kind == ElementKind.Event).Select(r => r.Item.Id).Order());
        Assert.All(pass.Recorded.Where(r => r.Kind == ElementKind.Event), r => Assert.NotNull(r.Item.OccurredAt));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"M{i}").Order(),
            pass.Recorded.Where(r => r.Kind == ElementKind.Customer).Select(r => r.Item.Id).Order());
        Assert.Equal([PipelineHarness.Date], pass.Store.Completed);
    }

    [Fact]
    public async Task TheNightLeavesOutTheEventsTheLaneDeliveredAndTheMembersItRefreshedLater()
    {
        var lane = new PipelineHarness(members: 10, events: 20);
        await lane.RunPassAsync();
        var delivered = lane.Recorded.Where(r => r.Kind == ElementKind.Event).Select(r => r.Item.Id).Take(12).ToHashSet();
        var night = new PipelineHarness(members: 10, events: 20) { Lane = new LaneDelivered(delivered, new HashSet<string> { "M1", "M2" }) };

        await night.RunAsync();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"e{i}").Order(), delivered.Concat(night.Landed("event")).Order());
        Assert.DoesNotContain(night.Landed("customer"), id => id == InMemorySnapshots.CustomerId(0) || id == InMemorySnapshots.CustomerId(1));
        Assert.Equal(8, night.Landed("customer").Count);
        Assert.Equal((12, 2), (night.Report.EventsSentByIntradayLane, night.Report.MembersLeftToIntradayLane));
        Assert.Equal(12, night.Report.Days[$"{PipelineHarness.Date:yyyy-MM-dd}"].EventsSentByIntradayLane);
    }

    [Fact]
    public async Task AHeldPassSendsNothing()
    {
        var pass = new PipelineHarness(members: 5, events: 5);
        var held = new HeldRuns.HeldReport { BusinessDate = $"{PipelineHarness.Date:yyyy-MM-dd}", Rule = "events_spike", Summary = "too many", Figures = [] };

        await Assert.ThrowsAsync<HeldRuns.RunHeldException>(() => pass.RunPassAsync(_ => throw new HeldRuns.RunHeldException(held)));

        Assert.Empty(pass.MoEngage.Requests);
        Assert.Empty(pass.Recorded);
    }

    [Fact]
    public async Task APassStoppedMidwayResumesFromItsCheckpointAndEveryEventLandsAndIsRecordedOnce()
    {
        var pass = new PipelineHarness(members: 10, events: 60) { MaxConcurrentRequests = 1 };
        pass.MoEngage.Answer = async request =>
        {
            if (request.Number == 4)
            {
                await pass.Stopping.CancelAsync();
            }

            return FakeBulkImport.Accepted(request);
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass.RunPassAsync());

        var resumed = new PipelineHarness(members: 10, events: 60) { MaxConcurrentRequests = 1 };
        resumed.Run = resumed.Run with { Checkpoint = pass.Store.Checkpoints[^1].Checkpoint };
        await resumed.RunPassAsync();

        var landed = pass.Landed("event").Concat(resumed.Landed("event")).ToList();
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"e{i}").Order(), landed.Order());
        var recorded = pass.Recorded.Concat(resumed.Recorded).Where(r => r.Kind == ElementKind.Event).Select(r => r.Item.Id).ToList();
        Assert.Equal(landed.Order(), recorded.Order());
    }
}

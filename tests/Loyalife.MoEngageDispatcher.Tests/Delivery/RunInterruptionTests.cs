namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

public sealed class RunInterruptionTests
{
    [Fact]
    public async Task StoppingBetweenBodiesLetsWhatIsInFlightFinishAndCheckpointsIt()
    {
        var pipeline = new PipelineHarness(members: 45);
        pipeline.MoEngage.Answer = async request =>
        {
            if (request.Number == 3)
            {
                await pipeline.Stopping.CancelAsync();
            }

            await Task.Delay(10);
            return FakeBulkImport.Accepted(request);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(pipeline.RunAsync);

        var landed = pipeline.Landed().Count;
        Assert.InRange(landed, 1, 44);
        Assert.Equal(landed, pipeline.Report.MembersSent);
        Assert.Equal(landed, pipeline.Store.Checkpoints[^1].Index);
        Assert.Equal(0, pipeline.Report.InFlight.Requests);
        Assert.Equal(0, pipeline.Report.PossibleDuplicates.Requests);
        Assert.Empty(pipeline.Store.Completed);
    }

    [Fact]
    public async Task ALeaseLostToANewerHolderStopsTheRunAtTheFencedCheckpointAndSavesNothingAfter()
    {
        var pipeline = new PipelineHarness(members: 45);
        pipeline.Store.LoseLeaseAtSave = 2;

        await Assert.ThrowsAsync<LeaseLostException>(pipeline.RunAsync);

        var saved = Assert.Single(pipeline.Store.Checkpoints);
        Assert.Equal(pipeline.MoEngage.Requests[0].Elements.Count, saved.Index);
        Assert.Empty(pipeline.Store.Completed);
        // Nothing the successor could be overwritten with: every later write was refused by the fencing token.
        Assert.True(pipeline.Store.LeaseLost);
    }

    [Fact]
    public async Task WhenTheLeaseLapsesNoFurtherBodyGoesOut()
    {
        var pipeline = new PipelineHarness(members: 45) { MaxConcurrentRequests = 1 };
        pipeline.MoEngage.Answer = async request =>
        {
            if (request.Number == 2)
            {
                await pipeline.LeaseLost.CancelAsync();
            }

            return FakeBulkImport.Accepted(request);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(pipeline.RunAsync);

        Assert.Equal(2, pipeline.MoEngage.Requests.Count);
        Assert.Empty(pipeline.Store.Completed);
    }
}

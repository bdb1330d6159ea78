namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

public sealed class PossibleDuplicatesTests
{
    [Fact]
    public async Task ABodyAcceptedAfterAnAmbiguousRetryIsCountedAsAPossibleDuplicate()
    {
        var pipeline = new PipelineHarness(members: 45);
        pipeline.MoEngage.Answer = request => Task.FromResult(FakeBulkImport.Accepted(request, possibleDuplicate: request.Number == 2));

        await pipeline.RunAsync();

        var second = pipeline.MoEngage.Requests.Single(request => request.Number == 2);
        Assert.Equal(1, pipeline.Report.PossibleDuplicates.Requests);
        Assert.Equal(second.Elements.Count, pipeline.Report.PossibleDuplicates.Members);
        Assert.Equal(1, pipeline.Report.Retries);
        Assert.Equal(45, pipeline.Report.MembersSent);
    }

    [Fact]
    public async Task BodiesAnEarlierAttemptLeftInFlightAreCountedAsPossibleDuplicatesOnce()
    {
        var pipeline = new PipelineHarness(members: 45);
        pipeline.Report.InFlight.Add(ElementKind.Customer, 8);

        await pipeline.RunAsync();

        Assert.Equal(1, pipeline.Report.PossibleDuplicates.Requests);
        Assert.Equal(8, pipeline.Report.PossibleDuplicates.Members);
        Assert.Equal(0, pipeline.Report.InFlight.Requests);
        Assert.Equal(0, pipeline.Report.InFlight.Members);
    }
}

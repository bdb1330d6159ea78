namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

public sealed class BodySenderTests
{
    private static readonly IEnumerable<string> AllMembers = Enumerable.Range(0, 45).Select(InMemorySnapshots.CustomerId);

    [Fact]
    public async Task ABodyMoEngageFindsTooLargeIsSplitInHalvesUntilEveryElementIsDeliveredOnce()
    {
        var pipeline = new PipelineHarness(members: 45);
        pipeline.MoEngage.Answer = request =>
            Task.FromResult(request.Elements.Count > 3 ? FakeBulkImport.TooLarge(request) : FakeBulkImport.Accepted(request));

        await pipeline.RunAsync();

        Assert.Equal(AllMembers, pipeline.Landed().Order());
        Assert.Equal(45, pipeline.Report.MembersSent);
        Assert.Equal(0, pipeline.Report.RejectedElements);
        Assert.Equal(pipeline.MoEngage.Requests.Count, pipeline.Report.Requests);
        Assert.Equal(pipeline.MoEngage.Requests.Sum(request => (long)request.Bytes), pipeline.Report.Bytes);
    }
}

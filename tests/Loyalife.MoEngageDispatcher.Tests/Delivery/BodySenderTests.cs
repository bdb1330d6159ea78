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

    [Fact]
    public async Task ABadRequestIsSplitToIsolateTheElementMoEngageRefusesAndOnlyItIsRejected()
    {
        var pipeline = new PipelineHarness(members: 45);
        var poisoned = InMemorySnapshots.CustomerId(6);
        pipeline.MoEngage.Answer = request =>
            Task.FromResult(request.Holds(poisoned) ? FakeBulkImport.BadRequest(request) : FakeBulkImport.Accepted(request));

        await pipeline.RunAsync();

        Assert.Equal(AllMembers.Where(id => id != poisoned), pipeline.Landed().Order());
        var rejected = Assert.Single(pipeline.Store.Rejected);
        Assert.Equal(400, rejected.Status);
        Assert.Equal(FakeBulkImport.BadRequestAnswer, rejected.Answer);
        Assert.Contains(poisoned, rejected.Element);
        Assert.Equal(1, pipeline.Report.RejectedElements);
        Assert.Equal(44, pipeline.Report.MembersSent);

        // About log2(n) levels, each sending both halves.
        var refused = pipeline.MoEngage.Requests.First(request => request.Holds(poisoned)).Elements.Count;
        var levels = BodySender.SplitsToIsolateOne(refused);
        Assert.InRange(pipeline.MoEngage.Requests.Count(request => request.Holds(poisoned)), 2, 1 + levels);
        Assert.InRange(pipeline.MoEngage.Requests.Count - pipeline.Report.Bodies, 2, 2 * levels);
        Assert.Equal(pipeline.MoEngage.Requests.Count, pipeline.Report.Requests);
    }

    [Fact]
    public async Task ABadRequestOnABodyOfOneElementRejectsThatElementWithoutAnotherRequest()
    {
        var pipeline = new PipelineHarness(members: 12) { MaxBodyBytes = 200 };
        var poisoned = InMemorySnapshots.CustomerId(6);
        pipeline.MoEngage.Answer = request =>
            Task.FromResult(request.Holds(poisoned) ? FakeBulkImport.BadRequest(request) : FakeBulkImport.Accepted(request));

        await pipeline.RunAsync();

        Assert.All(pipeline.MoEngage.Requests, request => Assert.Single(request.Elements));
        Assert.Single(pipeline.MoEngage.Requests, request => request.Holds(poisoned));
        Assert.Contains(poisoned, Assert.Single(pipeline.Store.Rejected).Element);
        Assert.Equal(11, pipeline.Report.MembersSent);
    }

    [Fact]
    public async Task ABodyMoEngageRefusesWhollyCostsABoundedNumberOfRequestsAndEveryElementIsRejected()
    {
        var pipeline = new PipelineHarness(members: 45) { MaxBodyBytes = 102_400, PageSize = 100 };
        pipeline.MoEngage.Answer = request => Task.FromResult(FakeBulkImport.BadRequest(request));

        await pipeline.RunAsync();

        Assert.Equal(1, pipeline.Report.Bodies);
        Assert.InRange(pipeline.MoEngage.Requests.Count, 2, 1 + 2 * BodySender.BadElementsIsolatedPerBody * BodySender.SplitsToIsolateOne(45));
        Assert.Empty(pipeline.Landed());
        Assert.Equal(45, pipeline.Report.RejectedElements);
        Assert.Equal(AllMembers, pipeline.Store.Rejected.Select(element => JsonNode.Parse(element.Element)!["customer_id"]!.GetValue<string>()).Order());
        Assert.All(pipeline.Store.Rejected, element => Assert.Equal(400, element.Status));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(8, 3)]
    [InlineData(9, 4)]
    [InlineData(200, 8)]
    public void IsolatingOneElementTakesTheHalvingsDownToOne(int elements, int splits) =>
        Assert.Equal(splits, BodySender.SplitsToIsolateOne(elements));
}

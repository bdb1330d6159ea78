namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

public sealed class BodyWindowTests
{
    [Fact]
    public async Task BodiesCompletingOutOfOrderAreCheckpointedInBodyOrderEachCoveringOnlyWhatWasCounted()
    {
        var pipeline = new PipelineHarness(members: 45);
        // Within each window of four, the later request answers first.
        pipeline.MoEngage.Answer = async request =>
        {
            await Task.Delay((4 - (request.Number - 1) % 4) * 15);
            return FakeBulkImport.Accepted(request);
        };

        await pipeline.RunAsync();

        Assert.NotEqual(pipeline.MoEngage.CompletionOrder.Order(), pipeline.MoEngage.CompletionOrder);
        var members = pipeline.Store.Checkpoints.Where(saved => saved.Checkpoint.Phase == SnapshotKind.Members).ToList();
        Assert.Equal(pipeline.MoEngage.Requests.Count, members.Count);
        Assert.Equal(members.Select(saved => saved.Index).Order(), members.Select(saved => saved.Index));
        Assert.All(members, saved => Assert.Equal(saved.Index, saved.MembersSent));
        Assert.Equal(45, members[^1].Index);
        Assert.Equal(Enumerable.Range(0, 45).Select(InMemorySnapshots.CustomerId), pipeline.Landed().Order());
        Assert.Equal(0, pipeline.Report.InFlight.Requests);
        Assert.Equal(0, pipeline.Report.PossibleDuplicates.Requests);
    }

    [Fact]
    public async Task TheCheckpointNeverCoversABodyMoEngageHasNotAcceptedAndWhatWasAcceptedAfterItIsAPossibleDuplicate()
    {
        var pipeline = new PipelineHarness(members: 45);
        var thirdAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pipeline.MoEngage.Answer = async request =>
        {
            if (request.Number == 2)
            {
                await thirdAnswered.Task;
                throw new MoEngageUnavailableException("MoEngage answered 503 six times");
            }

            if (request.Number == 3)
            {
                thirdAnswered.SetResult();
            }

            return FakeBulkImport.Accepted(request);
        };

        await Assert.ThrowsAsync<MoEngageUnavailableException>(pipeline.RunAsync);

        var first = pipeline.MoEngage.Requests[0].Elements.Count;
        var last = pipeline.Store.Checkpoints[^1];
        Assert.Equal(first, last.Index);
        Assert.Equal(first, pipeline.Report.MembersSent);
        var acceptedAfter = pipeline.Landed().Count - first;
        Assert.True(acceptedAfter > 0, "a body sent after the failed one was accepted");
        Assert.Equal(acceptedAfter, pipeline.Report.PossibleDuplicates.Members);
        Assert.Equal(0, pipeline.Report.InFlight.Requests);
    }

    [Fact]
    public async Task OnceTheWindowIsFullTheRunRowIsWrittenOnceABody()
    {
        // Each body is recorded in flight before its send; once the window is full, that same write checkpoints the
        // body whose answer made room, so a night writes its run row about once a body rather than twice.
        var pipeline = new PipelineHarness(members: 200);

        await pipeline.RunAsync();

        var bodies = pipeline.MoEngage.Requests.Count;
        Assert.True(bodies > 3 * pipeline.MaxConcurrentRequests, $"only {bodies} bodies");
        Assert.Equal(bodies, pipeline.Store.Checkpoints.Count(saved => saved.Checkpoint.Phase == SnapshotKind.Members));
        Assert.InRange(pipeline.Store.ReportSaves, 1, pipeline.MaxConcurrentRequests);
        Assert.Equal(Enumerable.Range(0, 200).Select(InMemorySnapshots.CustomerId), pipeline.Landed().Order());
    }

    [Fact]
    public async Task AResumedRunSendsNothingBeforeItsCheckpoint()
    {
        var pipeline = new PipelineHarness(members: 45);
        pipeline.Run = pipeline.Run with { Checkpoint = new Checkpoint(PipelineHarness.Date, SnapshotKind.Members, new StreamPosition("10", 3)) };

        await pipeline.RunAsync();

        Assert.Equal(Enumerable.Range(13, 32).Select(InMemorySnapshots.CustomerId), pipeline.Landed().Order());
        Assert.Equal([PipelineHarness.Date], pipeline.Store.Completed);
    }
}

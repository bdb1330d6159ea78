using System.Globalization;

namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

public sealed class PagePackerTests
{
    [Fact]
    public async Task EventsOfMembersMoEngageDoesNotHoldAreHeldBackAndCountedWithTheCheckpointThatPassesThem()
    {
        var pipeline = new PipelineHarness(members: 10, events: 30);
        // Member 10's events include the stream's last one: held back with no body after it.
        pipeline.Gate.Absent.UnionWith([InMemorySnapshots.CustomerId(2), InMemorySnapshots.CustomerId(9)]);

        await pipeline.RunAsync();

        Assert.Equal(6, pipeline.Report.EventsHeldBack[PagePacker.NotInMoEngage]);
        Assert.Equal(24, pipeline.Report.EventsSent[InMemorySnapshots.EventName]);
        var landed = pipeline.Landed("event");
        Assert.Equal(24, landed.Count);
        Assert.DoesNotContain(landed, id => int.Parse(id[1..], CultureInfo.InvariantCulture) % 10 is 2 or 9);
        var events = pipeline.Store.Checkpoints.Where(saved => saved.Checkpoint.Phase == SnapshotKind.Events && saved.Index > 0).ToList();
        Assert.All(events, saved => Assert.Equal(saved.Index, saved.EventsSent + saved.EventsHeldBack));
        Assert.Equal(0, pipeline.Report.EventsSentToUnconfirmed);
    }

    [Fact]
    public async Task WithUnknownMembersSentTheirEventsGoOutAndAreCounted()
    {
        var pipeline = new PipelineHarness(members: 10, events: 30);
        pipeline.Credentials = pipeline.Credentials with { UnknownMembers = MoEngageCredentials.Send };
        pipeline.Gate.Absent.UnionWith([InMemorySnapshots.CustomerId(2), InMemorySnapshots.CustomerId(9)]);

        await pipeline.RunAsync();

        Assert.Empty(pipeline.Report.EventsHeldBack);
        Assert.Equal(30, pipeline.Landed("event").Count);
        Assert.Equal(6, pipeline.Report.EventsSentToUnconfirmed);
        Assert.Equal(2, pipeline.Report.MembersNotInMoEngage);
    }
}

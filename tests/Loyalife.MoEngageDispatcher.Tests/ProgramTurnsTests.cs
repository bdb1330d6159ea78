using System.Diagnostics;
using Loyalife.MoEngageDispatcher.Scheduling;

namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>A request for a program already being processed in this replica is folded into one more turn, never lost.</summary>
public sealed class ProgramTurnsTests
{
    [Fact]
    public void ATickThatComesDuringATurnBecomesTheNextTurn()
    {
        var turns = new ProgramTurns();

        Assert.True(turns.TryBegin("p", scheduleDueDates: true, default));
        Assert.False(turns.TryBegin("p", scheduleDueDates: true, default));
        Assert.False(turns.TryBegin("p", scheduleDueDates: false, default));

        // The two folded requests make one more turn, and a tick among them keeps it a tick.
        Assert.Equal(new DispatchRequest(null, default), turns.EndOrNext("p"));
        Assert.Null(turns.EndOrNext("p"));
        Assert.True(turns.TryBegin("p", scheduleDueDates: false, default));
    }

    [Fact]
    public void AWakeDuringATurnStaysAWakeAndOtherProgramsTakeTheirOwnTurns()
    {
        var turns = new ProgramTurns();
        var trigger = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        Assert.True(turns.TryBegin("p", scheduleDueDates: true, default));
        Assert.True(turns.TryBegin("q", scheduleDueDates: true, default));
        Assert.False(turns.TryBegin("p", scheduleDueDates: false, trigger));

        Assert.Equal(new DispatchRequest("p", trigger), turns.EndOrNext("p"));
        Assert.Null(turns.EndOrNext("q"));
        Assert.Null(turns.EndOrNext("p"));
    }

    [Fact]
    public void AnAbandonedTurnDropsWhatWasFoldedIntoIt()
    {
        var turns = new ProgramTurns();
        turns.TryBegin("p", scheduleDueDates: true, default);
        turns.TryBegin("p", scheduleDueDates: true, default);

        turns.Abandon("p");

        Assert.True(turns.TryBegin("p", scheduleDueDates: true, default));
    }
}

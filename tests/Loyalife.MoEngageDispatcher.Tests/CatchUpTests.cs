using Loyalife.MoEngageDispatcher.Scheduling;

namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>When a date closes is the shared business day's rule (tested in Loyalife.Domain.Tests); this is which closed dates are due.</summary>
public sealed class CatchUpTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public void DueDatesAreTheUnsyncedClosedNightsOldestFirst()
    {
        var now = DateTimeOffset.Parse("2026-11-28T01:00:00Z"); // 06:30 in Kolkata: the 27th is the latest closed date
        var synced = new HashSet<DateOnly> { new(2026, 11, 23), new(2026, 11, 25) };

        var due = CatchUp.DueDates(Kolkata, now, 7, synced);

        DateOnly[] expected = [new(2026, 11, 21), new(2026, 11, 22), new(2026, 11, 24), new(2026, 11, 26), new(2026, 11, 27)];
        Assert.Equal(expected, due);
    }

    [Fact]
    public void CatchUpNeverReachesFurtherBackThanTheBound()
    {
        var now = DateTimeOffset.Parse("2026-11-28T12:00:00Z");

        var due = CatchUp.DueDates(Amsterdam, now, 3, new HashSet<DateOnly>());

        DateOnly[] expected = [new(2026, 11, 25), new(2026, 11, 26), new(2026, 11, 27)];
        Assert.Equal(expected, due);
    }

    [Fact]
    public void TodayIsNeverDueBeforeItsMidnight()
    {
        var justBefore = DateTimeOffset.Parse("2026-11-27T18:29:59Z");

        Assert.Equal([new DateOnly(2026, 11, 26)], CatchUp.DueDates(Kolkata, justBefore, 1, new HashSet<DateOnly>()));
        Assert.Equal([new DateOnly(2026, 11, 27)], CatchUp.DueDates(Kolkata, justBefore.AddSeconds(1), 1, new HashSet<DateOnly>()));
    }
}

using Loyalife.MoEngageDispatcher.Scheduling;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class BusinessCalendarTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Fact]
    public void AKolkataDayClosesAtItsOwnMidnightWhichIsHalfPastSixteenUtc()
    {
        var date = new DateOnly(2026, 11, 27);

        Assert.Equal(DateTimeOffset.Parse("2026-11-27T18:30:00Z"), BusinessCalendar.End(date, Kolkata));
        Assert.False(BusinessCalendar.IsClosed(date, Kolkata, DateTimeOffset.Parse("2026-11-27T18:29:59Z")));
        Assert.True(BusinessCalendar.IsClosed(date, Kolkata, DateTimeOffset.Parse("2026-11-27T18:30:00Z")));
    }

    [Fact]
    public void DaylightSavingDaysLastTwentyThreeAndTwentyFiveHours()
    {
        var spring = new DateOnly(2026, 3, 29);
        var autumn = new DateOnly(2026, 10, 25);

        Assert.Equal(TimeSpan.FromHours(23), BusinessCalendar.End(spring, Amsterdam) - BusinessCalendar.FirstInstant(spring, Amsterdam));
        Assert.Equal(TimeSpan.FromHours(25), BusinessCalendar.End(autumn, Amsterdam) - BusinessCalendar.FirstInstant(autumn, Amsterdam));
    }

    [Fact]
    public void ADayThatSkipsMidnightStartsWhenTheGapEnds()
    {
        // Chile springs forward at 00:00 local: 2026-09-06 has no 00:00, it starts at 01:00 (-03:00).
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        Assert.Equal(DateTimeOffset.Parse("2026-09-06T04:00:00Z"), BusinessCalendar.FirstInstant(new DateOnly(2026, 9, 6), santiago));
    }

    [Fact]
    public void DueDatesAreTheUnsyncedClosedNightsOldestFirst()
    {
        var now = DateTimeOffset.Parse("2026-11-28T01:00:00Z"); // 06:30 in Kolkata: the 27th is the latest closed date
        var synced = new HashSet<DateOnly> { new(2026, 11, 23), new(2026, 11, 25) };

        var due = BusinessCalendar.DueDates(Kolkata, now, 7, synced);

        DateOnly[] expected = [new(2026, 11, 21), new(2026, 11, 22), new(2026, 11, 24), new(2026, 11, 26), new(2026, 11, 27)];
        Assert.Equal(expected, due);
    }

    [Fact]
    public void CatchUpNeverReachesFurtherBackThanTheBound()
    {
        var now = DateTimeOffset.Parse("2026-11-28T12:00:00Z");

        var due = BusinessCalendar.DueDates(Amsterdam, now, 3, new HashSet<DateOnly>());

        DateOnly[] expected = [new(2026, 11, 25), new(2026, 11, 26), new(2026, 11, 27)];
        Assert.Equal(expected, due);
    }

    [Fact]
    public void TodayIsNeverDueBeforeItsMidnight()
    {
        var justBefore = DateTimeOffset.Parse("2026-11-27T18:29:59Z");

        Assert.Equal(new DateOnly(2026, 11, 26), BusinessCalendar.LatestClosed(Kolkata, justBefore));
        Assert.Equal(new DateOnly(2026, 11, 27), BusinessCalendar.LatestClosed(Kolkata, justBefore.AddSeconds(1)));
    }
}

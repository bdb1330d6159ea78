using Loyalife.Domain.BusinessDays;

namespace Loyalife.Domain.Tests;

public sealed class BusinessDayTests
{
    private static readonly TimeZoneInfo Kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static BusinessDay Day(string date, string zone) =>
        new(DateOnly.Parse(date), TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Theory]
    [InlineData("2026-11-27", "Europe/Amsterdam", "2026-11-26T23:00:00Z", "2026-11-27T23:00:00Z", 24)]
    [InlineData("2026-03-29", "Europe/Amsterdam", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", 23)]
    [InlineData("2026-10-25", "Europe/Amsterdam", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", 25)]
    [InlineData("2026-11-27", "Asia/Kolkata", "2026-11-26T18:30:00Z", "2026-11-27T18:30:00Z", 24)]
    [InlineData("2026-03-08", "America/New_York", "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", 23)]
    [InlineData("2026-11-01", "America/New_York", "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", 25)]
    public void ADayRunsFromLocalMidnightToTheNextInItsZone(string date, string zone, string start, string end, int hours)
    {
        var day = Day(date, zone);

        Assert.Equal(DateTimeOffset.Parse(start), day.Start);
        Assert.Equal(DateTimeOffset.Parse(end), day.End);
        Assert.Equal(TimeSpan.FromHours(hours), day.End - day.Start);
    }

    [Fact]
    public void AKolkataDayClosesAtItsOwnMidnightWhichIsHalfPastSixteenUtc()
    {
        var day = new BusinessDay(new DateOnly(2026, 11, 27), Kolkata);

        Assert.Equal(DateTimeOffset.Parse("2026-11-27T18:30:00Z"), day.End);
        Assert.False(day.IsClosed(DateTimeOffset.Parse("2026-11-27T18:29:59Z")));
        Assert.True(day.IsClosed(DateTimeOffset.Parse("2026-11-27T18:30:00Z")));
    }

    [Fact]
    public void DaylightSavingDaysLastTwentyThreeAndTwentyFiveHours()
    {
        var spring = new BusinessDay(new DateOnly(2026, 3, 29), Amsterdam);
        var autumn = new BusinessDay(new DateOnly(2026, 10, 25), Amsterdam);

        Assert.Equal(TimeSpan.FromHours(23), spring.End - spring.Start);
        Assert.Equal(TimeSpan.FromHours(25), autumn.End - autumn.Start);
    }

    [Fact]
    public void ADayWhoseMidnightIsSkippedStartsAtTheFirstLocalTimeAfterTheGap()
    {
        // Chile moves from 00:00 straight to 01:00 on 2026-09-06: the day starts at 01:00 (-03:00).
        Assert.Equal(DateTimeOffset.Parse("2026-09-06T04:00:00Z"), Day("2026-09-06", "America/Santiago").Start);
        Assert.Equal(DateTimeOffset.Parse("2026-09-06T04:00:00Z"),
            BusinessDay.StartOf(new DateOnly(2026, 9, 6), TimeZoneInfo.FindSystemTimeZoneById("America/Santiago")));
    }

    [Fact]
    public void PlusNDaysCountsCalendarDaysAcrossADaylightSavingChange()
    {
        // T_D = 2026-03-01T23:00Z; thirty local days later is local midnight of 2026-04-01 in CEST, 22:00Z.
        Assert.Equal(DateTimeOffset.Parse("2026-03-31T22:00:00Z"), Day("2026-03-01", "Europe/Amsterdam").EndPlusDays(30));
    }

    [Fact]
    public void ADateIsClosedFromItsEndOn()
    {
        var day = Day("2026-11-27", "Asia/Kolkata");

        Assert.False(day.IsClosed(DateTimeOffset.Parse("2026-11-27T18:29:59.9999999Z")));
        Assert.True(day.IsClosed(DateTimeOffset.Parse("2026-11-27T18:30:00Z")));
    }

    [Fact]
    public void TodayIsNeverTheLatestClosedDateBeforeItsMidnight()
    {
        var justBefore = DateTimeOffset.Parse("2026-11-27T18:29:59Z");

        Assert.Equal(new DateOnly(2026, 11, 26), BusinessDay.LatestClosed(Kolkata, justBefore));
        Assert.Equal(new DateOnly(2026, 11, 27), BusinessDay.LatestClosed(Kolkata, justBefore.AddSeconds(1)));
    }

    [Fact]
    public void TheLatestClosedDateIsClosedAndTheDayAfterItIsNot()
    {
        // The dispatcher's "due" and snapshot-service's "not closed yet" are the same instant.
        var now = DateTimeOffset.Parse("2026-10-25T22:59:59Z"); // the last second of Amsterdam's 25-hour day

        var latest = BusinessDay.LatestClosed(Amsterdam, now);

        Assert.Equal(new DateOnly(2026, 10, 24), latest);
        Assert.True(new BusinessDay(latest, Amsterdam).IsClosed(now));
        Assert.False(new BusinessDay(latest.AddDays(1), Amsterdam).IsClosed(now));
    }

    [Fact]
    public void TheLocalDateOfAnInstantIsTheZonesCalendarDate()
    {
        Assert.Equal(new DateOnly(2026, 11, 28), BusinessDay.LocalDate(DateTimeOffset.Parse("2026-11-27T18:30:00Z"), Kolkata));
        Assert.Equal(new DateOnly(2026, 11, 27), Day("2026-11-01", "Asia/Kolkata").LocalDateOf(DateTimeOffset.Parse("2026-11-27T18:29:59Z")));
    }

    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("9000-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("9001-01-01", false)]
    public void DatesOutsideTheSupportedRangeAreRefused(string date, bool inRange)
    {
        Assert.Equal(inRange, BusinessDay.IsInRange(DateOnly.Parse(date)));
    }

    [Fact]
    public void TheEndsOfTheRangeComputeWithoutOverflow()
    {
        var first = new BusinessDay(BusinessDay.MinDate, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati"));
        var last = new BusinessDay(BusinessDay.MaxDate, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago"));

        Assert.True(first.End > first.Start);
        Assert.True(last.EndPlusDays(90) > last.End);
    }
}

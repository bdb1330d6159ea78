using Loyalife.SnapshotService.Snapshots;

namespace Loyalife.SnapshotService.Tests;

public sealed class BusinessDayTests
{
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
    public void ADayWhoseMidnightIsSkippedStartsAtTheFirstLocalTimeAfterTheGap()
    {
        // Chile moves from 00:00 straight to 01:00 on 2026-09-06.
        Assert.Equal(DateTimeOffset.Parse("2026-09-06T04:00:00Z"), Day("2026-09-06", "America/Santiago").Start);
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
}

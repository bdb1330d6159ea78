using Loyalife.SnapshotService.Intraday;
using Loyalife.SnapshotService.Programs;
using Loyalife.SnapshotService.Snapshots;
using Loyalife.Domain.BusinessDays;
using System.Globalization;

namespace Loyalife.SnapshotService.Tests;

/// <summary>
/// A pass's as-of instant in the program's zone: the expiring windows run N calendar days from the cut-off, on a
/// daylight-saving day and in a half-hour zone alike; a pass window refuses what no horizon could be.
/// </summary>
public sealed class PassCutOffTests
{
    private static SnapshotScope Scope(string zone, string date, string cutOff) => new(
        new LoyaltyProgram("p", "P", zone, ["Bronze"]),
        new BusinessDay(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone)),
        DateTimeOffset.Parse(cutOff, CultureInfo.InvariantCulture));

    [Fact]
    public void ThirtyDaysFromACutOffOnADaylightSavingDayIsTheSameWallClockTime()
    {
        // 2026-03-29 in Amsterdam has 23 hours; 10:00 local is 08:00Z, and 30 days on, in summer time, 10:00 is 08:00Z too.
        var scope = Scope("Europe/Amsterdam", "2026-03-29", "2026-03-29T08:00:00Z");

        Assert.Equal(DateTime.Parse("2026-03-29T08:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), scope.AsOfUtc);
        Assert.Equal(new DateTimeOffset(2026, 4, 28, 8, 0, 0, TimeSpan.Zero), scope.AsOfPlusDays(30).ToUniversalTime());
    }

    [Fact]
    public void InAHalfHourZoneTheWindowKeepsTheHalfHour()
    {
        var scope = Scope("Asia/Kolkata", "2026-12-07", "2026-12-07T04:30:00Z");

        Assert.Equal(new DateTimeOffset(2027, 1, 6, 4, 30, 0, TimeSpan.Zero), scope.AsOfPlusDays(30).ToUniversalTime());
    }

    [Fact]
    public void WithoutACutOffTheScopeIsTheNightsAsOfTheDaysEnd()
    {
        var night = new SnapshotScope(new LoyaltyProgram("p", "P", "Asia/Kolkata", []), new BusinessDay(new DateOnly(2026, 12, 7), TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")));

        Assert.Equal(night.Day.End.UtcDateTime, night.AsOfUtc);
        Assert.Equal(night.Day.EndPlusDays(60), night.AsOfPlusDays(60));
    }

    [Theory]
    [InlineData("10", "2026-12-07T10:00:00Z", "5", "2026-12-07T09:00:00Z", true)]
    [InlineData("10", "2026-12-07T10:00:00Z", null, null, true)]
    [InlineData("0", "2026-12-07T10:00:00Z", null, null, false)]
    [InlineData("10", "2026-12-07T10:00:00Z", "11", "2026-12-07T09:00:00Z", false)]
    [InlineData("3000000000", "2026-12-07T10:00:00Z", "1", "2026-12-07T09:00:00Z", false)]
    public void AWindowIsAcceptedOnlyWhenItsHorizonsAndCutOffsGrow(string to, string cutOff, string? from, string? since, bool accepted)
    {
        var (window, error) = PassWindow.Parse(from, since, to, cutOff);

        Assert.Equal(accepted, window is not null);
        Assert.Equal(accepted, error is null);
    }
}

using Loyalife.DaprSidecar.Cron;

namespace Loyalife.DaprSidecar.Tests;

public sealed class CronScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 7, 30, 500, TimeSpan.Zero);

    [Theory]
    [InlineData("*/15 * * * *", "2026-11-28T10:15:00Z")]
    [InlineData("0 2 * * *", "2026-11-29T02:00:00Z")]
    [InlineData("30 0 2 * * *", "2026-11-29T02:00:30Z")]
    [InlineData("*/10 * * * * *", "2026-11-28T10:07:40Z")]
    [InlineData("0 9 * * MON-FRI", "2026-11-30T09:00:00Z")]
    [InlineData("@daily", "2026-11-29T00:00:00Z")]
    [InlineData("@midnight", "2026-11-29T00:00:00Z")]
    [InlineData("@hourly", "2026-11-28T11:00:00Z")]
    [InlineData("@weekly", "2026-11-29T00:00:00Z")]
    [InlineData("@monthly", "2026-12-01T00:00:00Z")]
    [InlineData("@yearly", "2027-01-01T00:00:00Z")]
    [InlineData("CRON_TZ=Asia/Kolkata 0 2 * * *", "2026-11-28T20:30:00Z")]
    [InlineData("CRON_TZ=America/New_York @daily", "2026-11-29T05:00:00Z")]
    [InlineData("TZ=Europe/Amsterdam 0 0 2 * * *", "2026-11-29T01:00:00Z")]
    public void CalendarSchedulesAnswerTheNextTickInTheirZone(string spec, string expected)
    {
        var schedule = CronSchedule.Parse(spec, TimeZoneInfo.Utc);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.Next(Now));
    }

    [Theory]
    [InlineData("@every 15m", "2026-11-28T10:22:30Z")]
    [InlineData("@every 2s", "2026-11-28T10:07:32Z")]
    [InlineData("@every 1h30m", "2026-11-28T11:37:30Z")]
    [InlineData("@every 500ms", "2026-11-28T10:07:31Z")]
    [InlineData("@every 2.5s", "2026-11-28T10:07:32Z")]
    public void EverySchedulesCountWholeSecondsFromTheLastTick(string spec, string expected)
    {
        var schedule = CronSchedule.Parse(spec);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule.Next(Now));
    }

    [Fact]
    public void WithoutAZoneTheGivenLocalZoneApplies()
    {
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");

        var next = CronSchedule.Parse("0 2 * * *", kolkata).Next(Now);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 20, 30, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void ATickInTheSkippedDaylightSavingHourFiresWhenTheClockJumps()
    {
        // A documented deviation: Dapr's robfig-based parser skips such a tick; Cronos fires it at the jump.
        var amsterdam = CronSchedule.Parse("CRON_TZ=Europe/Amsterdam 30 2 * * *");

        var next = amsterdam.Next(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero));

        // 02:30 does not exist on 29 March 2026 in Amsterdam; the tick comes at 03:00 CEST.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("2026-11-28T02:00:00.0008114Z", "2026-11-28 02:00:00.0008114 +0000 UTC")]
    [InlineData("2026-11-28T02:00:00.5Z", "2026-11-28 02:00:00.5 +0000 UTC")]
    [InlineData("2026-11-28T02:00:00Z", "2026-11-28 02:00:00 +0000 UTC")]
    public void ReadTimesAreWrittenAsGoPrintsThem(string instant, string expected)
    {
        Assert.Equal(expected, GoTime.Format(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("* * * *")]
    [InlineData("* * * * * * *")]
    [InlineData("@often")]
    [InlineData("@every soon")]
    [InlineData("@every 15x")]
    [InlineData("CRON_TZ=Mars/Olympus 0 * * * *")]
    [InlineData("CRON_TZ=Europe/Amsterdam")]
    [InlineData("61 * * * *")]
    public void InvalidSchedulesAreRejected(string spec)
    {
        Assert.Throws<FormatException>(() => CronSchedule.Parse(spec));
    }
}

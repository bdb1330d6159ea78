namespace Loyalife.SnapshotService.Tests;

/// <summary>Daylight-saving days and a half-hour zone, through the API.</summary>
public sealed class TimeZoneTests
{
    private static async Task<string[]> EventIdsAsync(SnapshotApp app, string date) =>
        (await app.GetAllAsync($"/v1/programs/p/snapshots/{date}/events", 1000)).Select(e => e.GetProperty("eventId").GetString()!).ToArray();

    /// <summary>Entries at four instants: just before the day, its first instant, its last second, the next day's first instant.</summary>
    [Theory]
    [InlineData("2026-03-29", "2026-03-28T22:59:59Z", "2026-03-28T23:00:00Z", "2026-03-29T21:59:59Z", "2026-03-29T22:00:00Z")] // 23 hours
    [InlineData("2026-10-25", "2026-10-24T21:59:59Z", "2026-10-24T22:00:00Z", "2026-10-25T22:59:59Z", "2026-10-25T23:00:00Z")] // 25 hours
    public async Task DaylightSavingDaysHoldExactlyTheirOwnInstants(string date, string before, string first, string last, string next)
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2027-06-01T00:00:00Z", "Europe/Amsterdam", "Bronze");
        string[] instants = [before, first, last, next];
        for (var i = 0; i < instants.Length; i++)
        {
            await app.Ledger.EntryAsync(i + 1, "p", "M1", instants[i], "accrual", i + 1);
        }

        var day = DateOnly.Parse(date);
        Assert.Equal(["pe-1"], await EventIdsAsync(app, day.AddDays(-1).ToString("yyyy-MM-dd")));
        Assert.Equal(["pe-2", "pe-3"], await EventIdsAsync(app, date));
        Assert.Equal(["pe-4"], await EventIdsAsync(app, day.AddDays(1).ToString("yyyy-MM-dd")));
    }

    [Fact]
    public async Task ExpiryWindowsCountCalendarDaysAcrossTheSpringChange()
    {
        // D = 2026-03-01, T_D = 2026-03-01T23:00Z, T_D + 30 days = 2026-03-31T22:00Z (CEST by then).
        await using var app = await SnapshotApp.StartWithMemberAsync("2027-06-01T00:00:00Z", "Europe/Amsterdam", "Bronze");
        await app.Ledger.EntryAsync(1, "p", "M1", "2026-01-01T00:00:00Z", "accrual", 10, "2026-03-30T22:00:00Z"); // local 2026-03-31 00:00: D+30
        await app.Ledger.EntryAsync(2, "p", "M1", "2026-01-01T00:00:00Z", "accrual", 20, "2026-03-31T22:30:00Z"); // local 2026-04-01 00:30: past 30 days

        var member = (await app.GetJsonAsync("/v1/programs/p/snapshots/2026-03-01/members")).GetProperty("items")[0].GetProperty("attributes");
        var events = await app.GetAllAsync("/v1/programs/p/snapshots/2026-03-01/events", 100);

        Assert.Equal(10, member.GetProperty("points_expiring_30d").GetInt32());
        Assert.Equal(30, member.GetProperty("points_expiring_60d").GetInt32());
        JsonAssert.Equal("""
            [{"eventId":"xs30-M1-2026-03-01","name":"loyalty_points_expiring_soon","memberId":"M1","customerId":"C1","occurredAt":"2026-03-01T23:00:00Z",
              "attributes":{"program_id":"p","loyalife_event_id":"xs30-M1-2026-03-01","points":10,"days_until_expiry":30,"expiry_date":"2026-03-31"}}]
            """, events);
    }

    [Fact]
    public async Task AHalfHourZoneCutsDaysAtHalfPast()
    {
        // Asia/Kolkata is UTC+05:30: D = 2026-11-27 runs 2026-11-26T18:30Z … 2026-11-27T18:30Z.
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.Parse("2026-11-28T00:00:00Z"));
        var w = new LedgerWriter(app.ConnectionString);
        await w.ProgramAsync("p", "Asia/Kolkata", "Blue");
        await w.MemberAsync("p", "M1", "C1", "2026-11-26T18:30:00Z");
        await w.EntryAsync(1, "p", "M1", "2026-11-26T18:30:00Z", "accrual", 5, "2026-12-26T18:30:00Z", "T1");
        await w.EntryAsync(2, "p", "M1", "2026-11-27T18:29:59Z", "accrual", 7, transactionId: "T2");
        await w.EntryAsync(3, "p", "M1", "2026-11-27T18:30:00Z", "accrual", 9, transactionId: "T3");

        var member = (await app.GetJsonAsync("/v1/programs/p/snapshots/2026-11-27/members")).GetProperty("items")[0];
        var events = await app.GetAllAsync("/v1/programs/p/snapshots/2026-11-27/events", 100);

        JsonAssert.Equal("""
            {"memberId":"M1","customerId":"C1","attributes":{"points_available":12,"points_accrued_lifetime":12,"points_redeemed_lifetime":0,
             "points_expired_lifetime":0,"enrollment_date":"2026-11-27","last_transaction_date":"2026-11-27","total_transactions":2,
             "days_since_last_activity":0,"points_expiring_30d":5,"points_expiring_60d":5,"points_expiring_90d":5}}
            """, member);
        // The lot expires at local 2026-12-27 00:00, which is D+30.
        Assert.Equal(["pe-1", "pe-2", "xs30-M1-2026-11-27"], events.Select(e => e.GetProperty("eventId").GetString()));
    }
}

namespace Loyalife.SnapshotService.Tests;

public sealed class LedgerStabilityTests
{
    [Fact]
    public async Task LaterLedgerWritesDoNotChangeAClosedDay()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-11-28T12:00:00Z", "Europe/Amsterdam", "Bronze", "Silver");
        var w = app.Ledger;
        await w.EntryAsync(1, "p", "M1", "2026-11-27T10:00:00Z", "accrual", 100, "2026-12-20T00:00:00Z", "T1");
        await w.TierAsync(1, "p", "M1", "2026-01-01T00:00:00Z", "Bronze");
        const string day = "/v1/programs/p/snapshots/2026-11-27";
        var before = (await app.GetJsonAsync(day + "/members")).GetRawText() + (await app.GetJsonAsync(day + "/events")).GetRawText()
                     + (await app.GetJsonAsync(day + "/summary")).GetRawText() + (await app.GetJsonAsync(day + "/anomalies")).GetRawText();

        // The core keeps writing after T_D (2026-11-27T23:00Z): a redemption of that lot, an upgrade,
        // a status change, a segment, a late enrolment.
        await w.EntryAsync(2, "p", "M1", "2026-11-27T23:00:00Z", "redemption", 60, redemptionId: "R");
        await w.AllocationAsync(2, 1, 60);
        await w.TierAsync(2, "p", "M1", "2026-11-28T01:00:00Z", "Silver");
        await w.StatusAsync(1, "p", "M1", "2026-11-28T02:00:00Z", "active");
        await w.SegmentAsync(1, "p", "M1", "2026-11-28T03:00:00Z", "vip", "entered");
        await w.MemberAsync("p", "M0", "C0", "2026-11-28T04:00:00Z");
        var after = (await app.GetJsonAsync(day + "/members")).GetRawText() + (await app.GetJsonAsync(day + "/events")).GetRawText()
                    + (await app.GetJsonAsync(day + "/summary")).GetRawText() + (await app.GetJsonAsync(day + "/anomalies")).GetRawText();

        Assert.Equal(before, after);
        Assert.Contains("\"points_expiring_30d\":100", after);
    }
}

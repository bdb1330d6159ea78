namespace Loyalife.SnapshotService.Tests;

/// <summary>Rows that break docs/ledger.md's contract never crash a snapshot and never pass silently.</summary>
public sealed class LedgerAnomalyTests
{
    private const string Day = "/v1/programs/p/snapshots/2026-11-27";

    [Fact]
    public async Task AnOverAllocatedLotCountsZeroRemainingAndIsReported()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-11-28T12:00:00Z", "Europe/Amsterdam", "Bronze");
        var w = app.Ledger;
        await w.EntryAsync(1, "p", "M1", "2026-01-01T00:00:00Z", "accrual", 100, "2026-12-27T12:00:00Z");
        await w.EntryAsync(2, "p", "M1", "2026-01-01T00:00:00Z", "accrual", 100);
        await w.EntryAsync(3, "p", "M1", "2026-06-01T00:00:00Z", "redemption", 150, redemptionId: "R");
        await w.AllocationAsync(3, 1, 150); // the lot holds 100

        var member = (await app.GetJsonAsync(Day + "/members")).GetProperty("items")[0].GetProperty("attributes");
        var events = await app.GetAllAsync(Day + "/events", 100);
        var anomalies = (await app.GetJsonAsync(Day + "/anomalies")).GetProperty("ledgerAnomalies");

        Assert.Equal(50, member.GetProperty("points_available").GetInt32());
        Assert.Equal(0, member.GetProperty("points_expiring_30d").GetInt32());
        Assert.Empty(events);
        Assert.Equal(1, anomalies.GetProperty("lot_over_allocated").GetInt32());
    }

    [Fact]
    public async Task AMemberWithAnUnknownEntryTypeIsSkippedWithThatReason()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-11-28T12:00:00Z", "Europe/Amsterdam", "Bronze");
        var w = app.Ledger;
        await w.MemberAsync("p", "M2", "C2", "2025-01-01T00:00:00Z");
        await w.EntryAsync(1, "p", "M1", "2026-11-27T10:00:00Z", "accrual", 100);
        await w.EntryAsync(2, "p", "M1", "2026-11-27T11:00:00Z", "adjustment", 40);
        await w.EntryAsync(3, "p", "M2", "2026-11-27T10:00:00Z", "accrual", 10);

        var members = await app.GetAllAsync(Day + "/members", 100);
        var events = await app.GetAllAsync(Day + "/events", 100);
        var summary = await app.GetJsonAsync(Day + "/summary");
        var anomalies = (await app.GetJsonAsync(Day + "/anomalies")).GetProperty("ledgerAnomalies");

        Assert.Equal(["M2"], members.Select(m => m.GetProperty("memberId").GetString()));
        Assert.Equal(["pe-3"], events.Select(e => e.GetProperty("eventId").GetString()));
        Assert.Equal(1, summary.GetProperty("members").GetInt32());
        Assert.Equal(1, summary.GetProperty("skippedMembers").GetProperty("unknown_entry_type").GetInt32());
        Assert.Equal(1, anomalies.GetProperty("unknown_entry_type").GetInt32());
        Assert.Equal(1, summary.GetProperty("events").GetProperty("loyalty_points_earned").GetInt32());
    }

    [Fact]
    public async Task ATierOutsideTheProgramsTiersEmitsNoTierEventAndIsReported()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-11-28T12:00:00Z", "Europe/Amsterdam", "Bronze", "Silver");
        var w = app.Ledger;
        await w.TierAsync(1, "p", "M1", "2025-01-01T00:00:00Z", "Bronze");
        await w.TierAsync(2, "p", "M1", "2026-11-27T10:00:00Z", "Diamond");
        await w.TierAsync(3, "p", "M1", "2026-11-27T11:00:00Z", "Silver");
        await w.SegmentAsync(1, "p", "M1", "2026-11-27T12:00:00Z", "vip", "moved");

        var member = (await app.GetJsonAsync(Day + "/members")).GetProperty("items")[0].GetProperty("attributes");
        var events = await app.GetAllAsync(Day + "/events", 100);
        var anomalies = (await app.GetJsonAsync(Day + "/anomalies")).GetProperty("ledgerAnomalies");

        Assert.Equal("Silver", member.GetProperty("tier").GetString());
        Assert.Empty(events);
        Assert.Equal(2, anomalies.GetProperty("unknown_tier").GetInt32());
        Assert.Equal(1, anomalies.GetProperty("unknown_segment_change").GetInt32());
    }
}

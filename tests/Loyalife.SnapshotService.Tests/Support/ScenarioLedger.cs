namespace Loyalife.SnapshotService.Tests.Support;

/// <summary>
/// The hand-computed scenario: program `p1` in Europe/Amsterdam, business date 2026-11-27
/// (CET, so D runs 2026-11-26T23:00Z … T_D = 2026-11-27T23:00Z). Every number the tests expect is
/// worked out in the comments beside the rows that produce it.
/// </summary>
public sealed class ScenarioLedger : IAsyncLifetime
{
    public const string Date = "2026-11-27";
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-28T12:00:00Z");

    public SnapshotApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await SnapshotApp.StartAsync(Now);
        var w = new LedgerWriter(App.ConnectionString);
        await w.ProgramAsync("p1", "Europe/Amsterdam", "Bronze", "Silver", "Gold");

        // M1: every kind of entry. Credits before T_D: 25+100+200+50+40+30+60+15+12+20+5+70 = 627;
        // debits before T_D: 25+120+12+10 = 167 → points_available 460.
        await w.MemberAsync("p1", "M1", "  C1 \t", "2025-06-01T10:00:00Z");
        await w.EntryAsync(1, "p1", "M1", "2025-12-01T10:00:00Z", "accrual", 25, "2026-06-01T10:00:00Z", "T0", 25.00m, "EUR", "store");
        await w.EntryAsync(2, "p1", "M1", "2026-06-01T10:00:00Z", "expiry", 25);
        await w.AllocationAsync(2, 1, 25);
        // L1 expires exactly at T_D: still held at T_D, so it counts in the 30-day window; 40 of it redeemed by R1.
        await w.EntryAsync(3, "p1", "M1", "2026-01-10T10:00:00Z", "accrual", 100, "2026-11-27T23:00:00Z", "T1", 50.00m, "EUR", "store");
        // L2 expires one second before T_D + 30 days (2026-12-27T23:00Z): 30-day window and the D+30 event; 80 redeemed.
        await w.EntryAsync(4, "p1", "M1", "2026-02-10T10:00:00Z", "accrual", 200, "2026-12-27T22:59:59Z", "T2", 99.90m, "EUR", "online");
        // L3 expires exactly at T_D + 30 days: 60-day window, not 30.
        await w.EntryAsync(5, "p1", "M1", "2026-03-01T10:00:00Z", "campaign_bonus", 50, "2026-12-27T23:00:00Z", campaignId: "CMP-1");
        // L4 expires one second before T_D + 90 days (2027-02-25T23:00Z): 90-day window and the D+90 event.
        await w.EntryAsync(6, "p1", "M1", "2026-04-01T10:00:00Z", "manual_bonus", 40, "2027-02-25T22:59:59Z", reason: "goodwill");
        // L5 expires exactly at T_D + 90 days: in no window.
        await w.EntryAsync(7, "p1", "M1", "2026-05-01T10:00:00Z", "tier_bonus", 30, "2027-02-25T23:00:00Z", reason: "welcome_silver");
        // L6: an accrual without a transaction (not counted in total_transactions), never expires.
        await w.EntryAsync(8, "p1", "M1", "2026-06-15T10:00:00Z", "accrual", 60);
        // L9 expires on local date D+60 (2027-01-26): 60-day window and the D+60 event.
        await w.EntryAsync(9, "p1", "M1", "2026-11-01T10:00:00Z", "campaign_bonus", 15, "2027-01-26T12:00:00Z", campaignId: "CMP-2");
        // L10 expired during D (an expiry event).
        await w.EntryAsync(10, "p1", "M1", "2026-01-01T10:00:00Z", "accrual", 12, "2026-11-27T06:00:00Z", "T3", 12.00m, "EUR", "app");
        await w.EntryAsync(11, "p1", "M1", "2026-11-27T06:00:00Z", "expiry", 12);
        await w.AllocationAsync(11, 10, 12);
        await w.EntryAsync(12, "p1", "M1", "2026-11-25T10:00:00Z", "redemption", 120, redemptionId: "R1");
        await w.AllocationAsync(12, 4, 80);
        await w.AllocationAsync(12, 3, 40);
        await w.EntryAsync(13, "p1", "M1", "2026-11-26T10:00:00Z", "redemption_reversal", 20, redemptionId: "R1");
        await w.EntryAsync(14, "p1", "M1", "2026-11-27T12:00:00Z", "redemption", 10, redemptionId: "R3");
        await w.AllocationAsync(14, 8, 10);
        await w.EntryAsync(15, "p1", "M1", "2026-11-27T13:00:00Z", "redemption_reversal", 5, redemptionId: "R3");
        // One microsecond before T_D: included; a second use of transaction T1.
        await w.EntryAsync(16, "p1", "M1", "2026-11-27T22:59:59.999999Z", "accrual", 70, transactionId: "T1", amount: 35.50m, currency: "EUR", channel: "online");
        // Exactly at T_D: excluded, as is the redemption that would have emptied L1.
        await w.EntryAsync(17, "p1", "M1", "2026-11-27T23:00:00Z", "accrual", 500, transactionId: "T9");
        await w.EntryAsync(18, "p1", "M1", "2026-11-27T23:00:00Z", "redemption", 100, redemptionId: "R2");
        await w.AllocationAsync(18, 3, 60);
        await w.TierAsync(101, "p1", "M1", "2025-06-01T10:00:00Z", "Bronze");
        await w.TierAsync(102, "p1", "M1", "2026-11-27T10:00:00Z", "Silver");
        await w.TierAsync(103, "p1", "M1", "2026-11-27T23:00:00Z", "Gold");
        await w.StatusAsync(201, "p1", "M1", "2025-06-01T10:00:00Z", "active");
        await w.StatusAsync(202, "p1", "M1", "2026-11-27T09:00:00Z", "suspended");
        await w.StatusAsync(203, "p1", "M1", "2026-11-27T23:00:00Z", "active");
        await w.SegmentAsync(301, "p1", "M1", "2025-06-01T10:00:00Z", "new", "entered");
        await w.SegmentAsync(302, "p1", "M1", "2026-11-26T22:59:59Z", "new", "exited");
        await w.SegmentAsync(303, "p1", "M1", "2026-11-26T23:00:00Z", "vip", "entered");

        // M2: a downgrade, activation from suspended, then a change to inactive (not an event).
        await w.MemberAsync("p1", "M2", "C2", "2024-01-01T00:00:00Z");
        await w.EntryAsync(21, "p1", "M2", "2026-11-20T12:00:00Z", "accrual", 10, transactionId: "A");
        await w.TierAsync(111, "p1", "M2", "2024-01-01T00:00:00Z", "Gold");
        await w.TierAsync(112, "p1", "M2", "2026-11-27T08:00:00Z", "Silver");
        await w.StatusAsync(211, "p1", "M2", "2024-01-01T00:00:00Z", "suspended");
        await w.StatusAsync(212, "p1", "M2", "2026-11-27T07:00:00Z", "active");
        await w.StatusAsync(213, "p1", "M2", "2026-11-27T07:30:00Z", "inactive");
        // Same instant as M1's upgrade: "seg-304" sorts before "tier-102".
        await w.SegmentAsync(304, "p1", "M2", "2026-11-27T10:00:00Z", "promo", "entered");
        await w.SegmentAsync(305, "p1", "M2", "2026-11-27T11:00:00Z", "promo", "exited");

        // Not sent: a disallowed reference (its event is not listed), no reference, a blank one.
        await w.MemberAsync("p1", "M3", "NULL", "2025-01-01T00:00:00Z");
        await w.EntryAsync(31, "p1", "M3", "2026-11-27T10:00:00Z", "accrual", 31, transactionId: "X");
        await w.MemberAsync("p1", "M4", null, "2025-01-01T00:00:00Z");
        await w.MemberAsync("p1", "M4b", "   ", "2025-01-01T00:00:00Z");
        // Enrolled exactly at T_D: not a member of this snapshot.
        await w.MemberAsync("p1", "M5", "C5", "2026-11-27T23:00:00Z");
        await w.EntryAsync(32, "p1", "M5", "2026-11-28T01:00:00Z", "accrual", 32, transactionId: "Y");
        // Enrolled one second before T_D with first tier and status rows (neither is an event).
        await w.MemberAsync("p1", "M6", "C6", "2026-11-27T22:59:59Z");
        await w.TierAsync(121, "p1", "M6", "2026-11-27T22:59:59Z", "Bronze");
        await w.StatusAsync(221, "p1", "M6", "2026-11-27T22:59:59Z", "active");
        // Ordinal order puts "B1" before "M1" and "a1" after "M6".
        await w.MemberAsync("p1", "a1", "C-a1", "2025-01-01T00:00:00Z");
        await w.MemberAsync("p1", "B1", "C-B1", "2025-01-01T00:00:00Z");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

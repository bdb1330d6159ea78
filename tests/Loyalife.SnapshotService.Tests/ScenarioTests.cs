namespace Loyalife.SnapshotService.Tests;

public sealed class ScenarioTests(ScenarioLedger ledger) : IClassFixture<ScenarioLedger>
{
    private const string Base = "/v1/programs/p1/snapshots/" + ScenarioLedger.Date;

    [Fact]
    public async Task MemberAttributesMatchTheHandComputedLedger()
    {
        var page = await ledger.App.GetJsonAsync(Base + "/members");

        Assert.Equal("p1", page.GetProperty("programId").GetString());
        Assert.Equal("2026-11-27", page.GetProperty("businessDate").GetString());
        Assert.Equal("2026-11-27T23:00:00Z", page.GetProperty("asOf").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("next").ValueKind);
        JsonAssert.Equal("""
            [
              {"memberId":"B1","customerId":"C-B1","attributes":{"points_available":0,"points_accrued_lifetime":0,"points_redeemed_lifetime":0,
                "points_expired_lifetime":0,"enrollment_date":"2025-01-01","total_transactions":0,
                "points_expiring_30d":0,"points_expiring_60d":0,"points_expiring_90d":0}},
              {"memberId":"M1","customerId":"C1","attributes":{"points_available":460,"points_accrued_lifetime":602,"points_redeemed_lifetime":105,
                "points_expired_lifetime":37,"tier":"Silver","status":"suspended","enrollment_date":"2025-06-01",
                "last_transaction_date":"2026-11-27","total_transactions":4,"days_since_last_activity":0,
                "points_expiring_30d":180,"points_expiring_60d":245,"points_expiring_90d":285}},
              {"memberId":"M2","customerId":"C2","attributes":{"points_available":10,"points_accrued_lifetime":10,"points_redeemed_lifetime":0,
                "points_expired_lifetime":0,"tier":"Silver","status":"inactive","enrollment_date":"2024-01-01",
                "last_transaction_date":"2026-11-20","total_transactions":1,"days_since_last_activity":7,
                "points_expiring_30d":0,"points_expiring_60d":0,"points_expiring_90d":0}},
              {"memberId":"M6","customerId":"C6","attributes":{"points_available":0,"points_accrued_lifetime":0,"points_redeemed_lifetime":0,
                "points_expired_lifetime":0,"tier":"Bronze","status":"active","enrollment_date":"2026-11-27","total_transactions":0,
                "points_expiring_30d":0,"points_expiring_60d":0,"points_expiring_90d":0}},
              {"memberId":"a1","customerId":"C-a1","attributes":{"points_available":0,"points_accrued_lifetime":0,"points_redeemed_lifetime":0,
                "points_expired_lifetime":0,"enrollment_date":"2025-01-01","total_transactions":0,
                "points_expiring_30d":0,"points_expiring_60d":0,"points_expiring_90d":0}}
            ]
            """, page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task EventsOfTheDayMatchTheHandComputedLedgerInOrder()
    {
        var page = await ledger.App.GetJsonAsync(Base + "/events");

        JsonAssert.Equal("""
            [
              {"eventId":"seg-303","name":"loyalty_segment_entered","memberId":"M1","customerId":"C1","occurredAt":"2026-11-26T23:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"seg-303","segment":"vip"}},
              {"eventId":"pe-11","name":"loyalty_points_expired","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T06:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"pe-11","points":12}},
              {"eventId":"st-212","name":"loyalty_member_activated","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T07:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"st-212","from_status":"suspended","to_status":"active"}},
              {"eventId":"tier-112","name":"loyalty_tier_downgraded","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T08:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"tier-112","from_tier":"Gold","to_tier":"Silver"}},
              {"eventId":"st-202","name":"loyalty_member_suspended","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T09:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"st-202","from_status":"active","to_status":"suspended"}},
              {"eventId":"seg-304","name":"loyalty_segment_entered","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T10:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"seg-304","segment":"promo"}},
              {"eventId":"tier-102","name":"loyalty_tier_upgraded","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T10:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"tier-102","from_tier":"Bronze","to_tier":"Silver"}},
              {"eventId":"seg-305","name":"loyalty_segment_exited","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T11:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"seg-305","segment":"promo"}},
              {"eventId":"pe-14","name":"loyalty_points_redeemed","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T12:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"pe-14","points":10,"redemption_id":"R3"}},
              {"eventId":"pe-15","name":"loyalty_redemption_reversed","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T13:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"pe-15","points":5,"redemption_id":"R3"}},
              {"eventId":"pe-16","name":"loyalty_points_earned","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T22:59:59.999999Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"pe-16","points":70,"earning_type":"accrual","transaction_id":"T1",
                             "transaction_amount":35.50,"currency":"EUR","channel":"online"}},
              {"eventId":"xs30-M1-2026-11-27","name":"loyalty_points_expiring_soon","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T23:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"xs30-M1-2026-11-27","points":120,"days_until_expiry":30,"expiry_date":"2026-12-27"}},
              {"eventId":"xs60-M1-2026-11-27","name":"loyalty_points_expiring_soon","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T23:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"xs60-M1-2026-11-27","points":15,"days_until_expiry":60,"expiry_date":"2027-01-26"}},
              {"eventId":"xs90-M1-2026-11-27","name":"loyalty_points_expiring_soon","memberId":"M1","customerId":"C1","occurredAt":"2026-11-27T23:00:00Z",
               "attributes":{"program_id":"p1","loyalife_event_id":"xs90-M1-2026-11-27","points":40,"days_until_expiry":90,"expiry_date":"2027-02-25"}}
            ]
            """, page.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task SummaryCountsMembersSkippedReasonsAndEventsByName()
    {
        var summary = await ledger.App.GetJsonAsync(Base + "/summary");

        JsonAssert.Equal("""
            {"programId":"p1","businessDate":"2026-11-27","asOf":"2026-11-27T23:00:00Z","members":5,
             "skippedMembers":{"missing_reference":2,"disallowed_reference":1,"unknown_entry_type":0},
             "events":{"loyalty_points_earned":1,"loyalty_points_redeemed":1,"loyalty_points_expired":1,"loyalty_redemption_reversed":1,
                       "loyalty_points_expiring_soon":3,"loyalty_tier_upgraded":1,"loyalty_tier_downgraded":1,"loyalty_segment_entered":2,
                       "loyalty_segment_exited":1,"loyalty_member_activated":1,"loyalty_member_suspended":1}}
            """, summary);
    }

    [Fact]
    public async Task AnomaliesCountEveryKindZerosIncluded()
    {
        var anomalies = await ledger.App.GetJsonAsync(Base + "/anomalies");

        JsonAssert.Equal("""
            {"programId":"p1","businessDate":"2026-11-27","asOf":"2026-11-27T23:00:00Z",
             "ledgerAnomalies":{"unknown_entry_type":0,"lot_over_allocated":0,"unknown_tier":0,"unknown_segment_change":0}}
            """, anomalies);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task TinyPagesConcatenateToTheOneBigPage(int limit)
    {
        var members = await ledger.App.GetAllAsync(Base + "/members", limit);
        var events = await ledger.App.GetAllAsync(Base + "/events", limit);

        var allMembers = (await ledger.App.GetJsonAsync(Base + "/members?limit=10000")).GetProperty("items").EnumerateArray();
        var allEvents = (await ledger.App.GetJsonAsync(Base + "/events?limit=10000")).GetProperty("items").EnumerateArray();
        Assert.Equal(allMembers.Select(m => m.GetRawText()), members.Select(m => m.GetRawText()));
        Assert.Equal(allEvents.Select(e => e.GetRawText()), events.Select(e => e.GetRawText()));
    }

    [Fact]
    public async Task AFullPageHasANextCursorAndTheLastPageHasNone()
    {
        var first = await ledger.App.GetJsonAsync(Base + "/members?limit=4");
        var cursor = first.GetProperty("next").GetString()!;
        var last = await ledger.App.GetJsonAsync(Base + "/members?limit=4&after=" + Uri.EscapeDataString(cursor));

        Assert.Equal(4, first.GetProperty("items").GetArrayLength());
        Assert.Equal(["a1"], last.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("memberId").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("next").ValueKind);
    }
}

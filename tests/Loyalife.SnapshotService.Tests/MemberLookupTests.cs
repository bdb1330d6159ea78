namespace Loyalife.SnapshotService.Tests;

/// <summary>One member's day and the members behind a customer id, against the hand-computed scenario.</summary>
public sealed class MemberLookupTests(ScenarioLedger ledger) : IClassFixture<ScenarioLedger>
{
    private const string Snapshot = "/v1/programs/p1/snapshots/" + ScenarioLedger.Date;

    [Fact]
    public async Task EachMembersDayIsItsItemOfTheMembersPageAndItsEventsOfTheEventsPages()
    {
        var members = await ledger.App.GetAllAsync(Snapshot + "/members", limit: 3);
        var events = await ledger.App.GetAllAsync(Snapshot + "/events", limit: 4);
        Assert.NotEmpty(events);

        foreach (var member in members)
        {
            var memberId = member.GetProperty("memberId").GetString()!;
            var day = await ledger.App.GetJsonAsync($"{Snapshot}/members/{Uri.EscapeDataString(memberId)}");

            JsonAssert.Equal(member.GetRawText(), day.GetProperty("member"));
            JsonAssert.Equal(
                "[" + string.Join(",", events.Where(e => e.GetProperty("memberId").GetString() == memberId).Select(e => e.GetRawText())) + "]",
                day.GetProperty("events"));
            Assert.Equal(JsonValueKind.Null, day.GetProperty("skipReason").ValueKind);
        }
    }

    [Fact]
    public async Task AMemberWithTheDaysEventsReadsAsTheScenarioComputesIt()
    {
        var day = await ledger.App.GetJsonAsync(Snapshot + "/members/M2");

        JsonAssert.Equal("""
            {"programId":"p1","businessDate":"2026-11-27","asOf":"2026-11-27T23:00:00Z","memberId":"M2","customerId":"C2","skipReason":null,
             "member":{"memberId":"M2","customerId":"C2","attributes":{"points_available":10,"points_accrued_lifetime":10,"points_redeemed_lifetime":0,
               "points_expired_lifetime":0,"tier":"Silver","status":"inactive","enrollment_date":"2024-01-01","last_transaction_date":"2026-11-20",
               "total_transactions":1,"days_since_last_activity":7,"points_expiring_30d":0,"points_expiring_60d":0,"points_expiring_90d":0}},
             "events":[
               {"eventId":"st-212","name":"loyalty_member_activated","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T07:00:00Z",
                "attributes":{"program_id":"p1","loyalife_event_id":"st-212","from_status":"suspended","to_status":"active"}},
               {"eventId":"tier-112","name":"loyalty_tier_downgraded","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T08:00:00Z",
                "attributes":{"program_id":"p1","loyalife_event_id":"tier-112","from_tier":"Gold","to_tier":"Silver"}},
               {"eventId":"seg-304","name":"loyalty_segment_entered","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T10:00:00Z",
                "attributes":{"program_id":"p1","loyalife_event_id":"seg-304","segment":"promo"}},
               {"eventId":"seg-305","name":"loyalty_segment_exited","memberId":"M2","customerId":"C2","occurredAt":"2026-11-27T11:00:00Z",
                "attributes":{"program_id":"p1","loyalife_event_id":"seg-305","segment":"promo"}}]}
            """, day);
    }

    [Theory]
    [InlineData("M3", "\"NULL\"", "disallowed_reference")]
    [InlineData("M4", "null", "missing_reference")]
    [InlineData("M4b", "null", "missing_reference")]
    public async Task AMemberNotSentSaysWhyAndListsNothingSent(string memberId, string customerId, string reason)
    {
        var day = await ledger.App.GetJsonAsync($"{Snapshot}/members/{memberId}");

        JsonAssert.Equal($$"""
            {"programId":"p1","businessDate":"2026-11-27","asOf":"2026-11-27T23:00:00Z","memberId":"{{memberId}}","customerId":{{customerId}},
             "skipReason":"{{reason}}","member":null,"events":[]}
            """, day);
    }

    [Theory]
    [InlineData("C1", """["M1"]""")]
    [InlineData("%20C1%09", """["M1"]""")]
    [InlineData("c1", "[]")]
    [InlineData("NULL", """["M3"]""")]
    [InlineData("C5", """["M5"]""")]
    public async Task ACustomerIdFindsTheMembersWhoseTrimmedReferenceItIs(string customerId, string memberIds)
    {
        var found = await ledger.App.GetJsonAsync($"/v1/programs/p1/members?customerId={customerId}");

        JsonAssert.Equal($$"""{"programId":"p1","customerId":"{{Uri.UnescapeDataString(customerId).Trim()}}","memberIds":{{memberIds}}}""", found);
    }
}

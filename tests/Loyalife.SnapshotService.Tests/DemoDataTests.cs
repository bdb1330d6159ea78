using System.Text.RegularExpressions;

namespace Loyalife.SnapshotService.Tests;

public sealed partial class DemoDataTests(DemoLedger demo) : IClassFixture<DemoLedger>
{
    public static readonly TheoryData<string> Programs = ["demo", "demo-kolkata", "demo-newyork"];

    [Fact]
    public async Task TheDemoLedgerHoldsTheThreeDemoPrograms()
    {
        var programs = await demo.App.GetJsonAsync("/v1/programs");

        Assert.Equal(
            ["demo Europe/Amsterdam", "demo-kolkata Asia/Kolkata", "demo-newyork America/New_York"],
            programs.EnumerateArray().Select(p => p.GetProperty("programId").GetString() + " " + p.GetProperty("timeZone").GetString()));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task EveryGeneratedMemberKeepsThePointsInvariant(string programId)
    {
        foreach (var date in new[] { DemoLedger.ClosedDay, "2026-08-19", "2026-03-29" })
        {
            var members = await demo.App.GetAllAsync($"/v1/programs/{programId}/snapshots/{date}/members", 10000);
            Assert.NotEmpty(members);
            foreach (var member in members)
            {
                var a = member.GetProperty("attributes");
                long Get(string name) => a.GetProperty(name).GetInt64();
                var context = $"{date} {member.GetRawText()}";
                Assert.True(Get("points_available") == Get("points_accrued_lifetime") - Get("points_redeemed_lifetime") - Get("points_expired_lifetime"), context);
                Assert.True(0 <= Get("points_expiring_30d") && Get("points_expiring_30d") <= Get("points_expiring_60d"), context);
                Assert.True(Get("points_expiring_60d") <= Get("points_expiring_90d") && Get("points_expiring_90d") <= Get("points_available"), context);
                Assert.Matches(MemberId(), member.GetProperty("memberId").GetString());
                Assert.Equal("C" + member.GetProperty("memberId").GetString()![1..], member.GetProperty("customerId").GetString());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task AboutATenthOfMembersAreActiveOnTheLatestClosedDayAndNothingIsAnomalous(string programId)
    {
        var summary = await demo.App.GetJsonAsync($"/v1/programs/{programId}/snapshots/{DemoLedger.ClosedDay}/summary");
        var events = await demo.App.GetAllAsync($"/v1/programs/{programId}/snapshots/{DemoLedger.ClosedDay}/events", 10000);

        var skipped = summary.GetProperty("skippedMembers");
        Assert.Equal(DemoLedger.Members, summary.GetProperty("members").GetInt32() + skipped.EnumerateObject().Sum(r => r.Value.GetInt32()));
        Assert.True(skipped.GetProperty("missing_reference").GetInt32() > 0);
        Assert.True(skipped.GetProperty("disallowed_reference").GetInt32() > 0);
        var anomalies = await demo.App.GetJsonAsync($"/v1/programs/{programId}/snapshots/{DemoLedger.ClosedDay}/anomalies");
        Assert.All(anomalies.GetProperty("ledgerAnomalies").EnumerateObject(), anomaly => Assert.Equal(0, anomaly.Value.GetInt32()));
        var active = events.Where(e => e.GetProperty("name").GetString() != "loyalty_points_expiring_soon")
            .Select(e => e.GetProperty("memberId").GetString()).Distinct().Count();
        Assert.True(active >= DemoLedger.Members * 5 / 100 && active <= DemoLedger.Members * 20 / 100, summary.GetRawText());
        Assert.Equal(events.Count, summary.GetProperty("events").EnumerateObject().Sum(e => e.Value.GetInt32()));
    }

    [Fact]
    public async Task TinyPagesOfGeneratedDataEqualOneBigPage()
    {
        const string day = "/v1/programs/demo/snapshots/" + DemoLedger.ClosedDay;
        foreach (var kind in new[] { "/members", "/events" })
        {
            var big = await demo.App.GetAllAsync(day + kind, 10000);
            var tiny = await demo.App.GetAllAsync(day + kind, 7);
            Assert.Equal(big.Select(Raw), tiny.Select(Raw));
        }
    }

    [Fact]
    public async Task GeneratedHistoryHoldsEveryKindOfLedgerRow()
    {
        await using var dataSource = NpgsqlDataSource.Create(demo.App.ConnectionString);
        var kinds = await ColumnAsync(dataSource, """
            SELECT DISTINCT 'entry:' || entry_type FROM loyalty.point_entries
            UNION SELECT DISTINCT 'status:' || status FROM loyalty.member_status_history
            UNION SELECT DISTINCT 'segment:' || change FROM loyalty.segment_history
            UNION SELECT 'tier-change' FROM loyalty.member_tier_history GROUP BY program_id, member_id HAVING count(*) > 1
            UNION SELECT 'whitespace-reference' FROM loyalty.members WHERE relation_reference <> btrim(relation_reference)
            UNION SELECT 'allocated-expiry' FROM loyalty.point_allocations a JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id WHERE d.entry_type = 'expiry'
            ORDER BY 1
            """);

        Assert.Equal(
            ["allocated-expiry", "entry:accrual", "entry:campaign_bonus", "entry:expiry", "entry:manual_bonus", "entry:redemption",
             "entry:redemption_reversal", "entry:tier_bonus", "segment:entered", "segment:exited", "status:active", "status:blocked",
             "status:cancelled", "status:inactive", "status:suspended", "tier-change", "whitespace-reference"],
            kinds);
    }

    [Fact]
    public async Task TheSameSeedAndDayGenerateTheSameLedger()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync();
        await DemoLedger.GenerateAsync(connectionString);
        await using var again = NpgsqlDataSource.Create(connectionString);
        await using var original = NpgsqlDataSource.Create(demo.App.ConnectionString);

        Assert.Equal(await FingerprintAsync(original), await FingerprintAsync(again));
    }

    private static async Task<List<string>> FingerprintAsync(NpgsqlDataSource dataSource) =>
        await ColumnAsync(dataSource, """
            SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM loyalty.programs t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM loyalty.members t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM loyalty.member_status_history t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM loyalty.member_tier_history t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM loyalty.segment_history t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM loyalty.point_entries t
            UNION ALL SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM loyalty.point_allocations t
            """);

    private static async Task<List<string>> ColumnAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string Raw(JsonElement element) => element.GetRawText();

    [GeneratedRegex(@"^M\d{8}$")]
    private static partial Regex MemberId();
}

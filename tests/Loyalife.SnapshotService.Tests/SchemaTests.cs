extern alias demoledger;

namespace Loyalife.SnapshotService.Tests;

public sealed class SchemaTests
{
    [Fact]
    public async Task TheServiceStartsOnADatabaseWithoutTheSchemaAndSaysWhatIsMissing()
    {
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.UtcNow, createSchema: false);

        using var response = await app.Client.GetAsync("/v1/programs");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("loyalty", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task CreatingTheSchemaTwiceIsHarmlessAndMatchesSpecColumns()
    {
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.UtcNow);
        await using var dataSource = NpgsqlDataSource.Create(app.ConnectionString);
        await demoledger::Loyalife.DemoLedger.Ledger.LedgerSchema.CreateAsync(dataSource);

        await using var command = dataSource.CreateCommand("""
            SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ' ' ORDER BY table_name, ordinal_position)
            FROM information_schema.columns WHERE table_schema = 'loyalty'
            """);
        var columns = (string)(await command.ExecuteScalarAsync())!;

        Assert.Equal(
            "member_status_history.history_id:bigint member_status_history.program_id:text member_status_history.member_id:text " +
            "member_status_history.occurred_at:timestamp with time zone member_status_history.status:text " +
            "member_tier_history.history_id:bigint member_tier_history.program_id:text member_tier_history.member_id:text " +
            "member_tier_history.occurred_at:timestamp with time zone member_tier_history.tier:text " +
            "members.program_id:text members.member_id:text members.relation_reference:text members.enrolled_at:timestamp with time zone " +
            "point_allocations.debit_entry_id:bigint point_allocations.credit_entry_id:bigint point_allocations.points:integer " +
            "point_entries.entry_id:bigint point_entries.program_id:text point_entries.member_id:text " +
            "point_entries.occurred_at:timestamp with time zone point_entries.entry_type:text point_entries.points:integer " +
            "point_entries.expires_at:timestamp with time zone point_entries.transaction_id:text point_entries.transaction_amount:numeric " +
            "point_entries.currency:text point_entries.channel:text point_entries.campaign_id:text point_entries.redemption_id:text " +
            "point_entries.reason:text programs.program_id:text programs.name:text programs.time_zone:text programs.tiers:ARRAY " +
            "segment_history.history_id:bigint segment_history.program_id:text segment_history.member_id:text " +
            "segment_history.occurred_at:timestamp with time zone segment_history.segment:text segment_history.change:text",
            columns);
    }
}

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// The ledger's anomalies of a program-day (docs/ledger.md), counted apart from the summary: the
/// over-allocated lots alone take seconds at 1,000,000 members (one allocation lookup for each lot
/// expiring within 90 days), and no run needs them before it sends. Every key is always present, zeros
/// included. The anomalies, and what the snapshot does about each:
/// <list type="bullet">
/// <item><c>unknown_entry_type</c>: entries (before T_D) of a type docs/ledger.md does not list. Their member's
/// points cannot be known, so the member is skipped with that reason (and their events not listed).</item>
/// <item><c>lot_over_allocated</c>: credit lots expiring within 90 days of T_D whose allocations exceed their
/// points. Their remaining points are clamped to 0 in the expiring attributes and events.</item>
/// <item><c>unknown_tier</c>: tier rows of day D naming a tier (or following one) not in the program's tiers.
/// No upgrade/downgrade event is emitted for them; the tier attribute still shows what the ledger says.</item>
/// <item><c>unknown_segment_change</c>: segment rows of day D whose change is neither entered nor exited; no event.</item>
/// </list>
/// </summary>
public sealed class LedgerAnomalyQuery(NpgsqlDataSource dataSource)
{
    public const string UnknownEntryType = "unknown_entry_type";

    private static readonly string AnomaliesSql = $"""
        SELECT
          (SELECT count(*) FROM loyalty.point_entries u
            WHERE u.program_id = @program AND u.occurred_at < @as_of AND u.entry_type NOT IN {EntryTypes.KnownSql}) AS unknown_entry_type,
          -- The window's lots from lots_by_expiry alone, in entry id order, so the lookups below walk
          -- allocations_by_credit in its own order instead of jumping around it once per lot.
          (SELECT count(*) FROM (SELECT l.entry_id, l.points FROM loyalty.point_entries l
                                 WHERE l.program_id = @program AND l.expires_at >= @as_of AND l.expires_at < @expiring_90_to AND l.occurred_at < @as_of
                                   AND l.entry_type IN {EntryTypes.CreditsSql}
                                 ORDER BY l.entry_id) c
            -- All of a lot's allocations, from the index alone, first: only a lot they exceed can be over-allocated at T_D.
            WHERE c.points < (SELECT coalesce(sum(a.points), 0) FROM loyalty.point_allocations a WHERE a.credit_entry_id = c.entry_id)
              AND c.points < (SELECT coalesce(sum(a.points), 0) FROM loyalty.point_allocations a
                              JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
                              WHERE a.credit_entry_id = c.entry_id AND d.occurred_at < @as_of)) AS lot_over_allocated,
          (SELECT count(*) FROM loyalty.member_tier_history x
            WHERE x.program_id = @program AND x.occurred_at >= @day_start AND x.occurred_at < @as_of
              AND (array_position(@tiers, x.tier) IS NULL OR EXISTS (
                   SELECT 1 FROM {HistorySql.PreviousRow("member_tier_history", "tier")} prev
                   WHERE array_position(@tiers, prev.tier) IS NULL))) AS unknown_tier,
          (SELECT count(*) FROM loyalty.segment_history x
            WHERE x.program_id = @program AND x.occurred_at >= @day_start AND x.occurred_at < @as_of AND x.change NOT IN ('entered', 'exited')) AS unknown_segment_change
        """;

    public async Task<LedgerAnomalyCounts> ReadAsync(SnapshotScope scope, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(AnomaliesSql);
        command.CommandTimeout = StatementTimeout.Seconds;
        command.Parameters.AddWithValue("program", scope.ProgramId);
        command.Parameters.AddWithValue("as_of", scope.AsOfUtc);
        command.Parameters.AddWithValue("day_start", scope.Day.Start.UtcDateTime);
        command.Parameters.AddWithValue("tiers", scope.Program.Tiers);
        command.Parameters.AddWithValue("expiring_90_to", scope.Day.EndPlusDays(90).UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        // Each count is the column named after its key.
        var counts = new Dictionary<string, long>();
        foreach (var key in (string[])[UnknownEntryType, "lot_over_allocated", "unknown_tier", "unknown_segment_change"])
        {
            counts[key] = reader.GetInt64(reader.GetOrdinal(key));
        }

        return new LedgerAnomalyCounts(scope.ProgramId, scope.BusinessDate, scope.AsOfUtc, counts);
    }
}

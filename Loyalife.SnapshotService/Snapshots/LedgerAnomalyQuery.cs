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
            WHERE u.program_id = $1 AND u.occurred_at < $2 AND u.entry_type NOT IN {EntryTypes.KnownSql}),
          -- The window's lots from lots_by_expiry alone, in entry id order, so the lookups below walk
          -- allocations_by_credit in its own order instead of jumping around it once per lot.
          (SELECT count(*) FROM (SELECT l.entry_id, l.points FROM loyalty.point_entries l
                                 WHERE l.program_id = $1 AND l.expires_at >= $2 AND l.expires_at < $5 AND l.occurred_at < $2
                                   AND l.entry_type IN {EntryTypes.CreditsSql}
                                 ORDER BY l.entry_id) c
            -- All of a lot's allocations, from the index alone, first: only a lot they exceed can be over-allocated at T_D.
            WHERE c.points < (SELECT coalesce(sum(a.points), 0) FROM loyalty.point_allocations a WHERE a.credit_entry_id = c.entry_id)
              AND c.points < (SELECT coalesce(sum(a.points), 0) FROM loyalty.point_allocations a
                              JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
                              WHERE a.credit_entry_id = c.entry_id AND d.occurred_at < $2)),
          (SELECT count(*) FROM loyalty.member_tier_history x
            WHERE x.program_id = $1 AND x.occurred_at >= $3 AND x.occurred_at < $2
              AND (array_position($4, x.tier) IS NULL OR EXISTS (
                   SELECT 1 FROM {HistorySql.PreviousRow("member_tier_history", "tier")} prev
                   WHERE array_position($4, prev.tier) IS NULL))),
          (SELECT count(*) FROM loyalty.segment_history x
            WHERE x.program_id = $1 AND x.occurred_at >= $3 AND x.occurred_at < $2 AND x.change NOT IN ('entered', 'exited'))
        """;

    public async Task<LedgerAnomalyCounts> ReadAsync(SnapshotScope scope, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(AnomaliesSql);
        command.CommandTimeout = 0;
        SqlParameters.Add(command, scope.ProgramId, scope.AsOfUtc, scope.Day.Start.UtcDateTime, scope.Program.Tiers, scope.Day.EndPlusDays(90).UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var counts = new Dictionary<string, long>
        {
            [UnknownEntryType] = reader.GetInt64(0),
            ["lot_over_allocated"] = reader.GetInt64(1),
            ["unknown_tier"] = reader.GetInt64(2),
            ["unknown_segment_change"] = reader.GetInt64(3),
        };
        return new LedgerAnomalyCounts(scope.ProgramId, scope.BusinessDate, scope.AsOfUtc, counts);
    }
}

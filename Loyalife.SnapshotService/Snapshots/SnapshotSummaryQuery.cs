using Loyalife.SnapshotService.Ledger;
using Npgsql;

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// Counts for the run report. Every key is always present (zeros included) so a report reads the same
/// shape every night. Ledger anomalies, and what the snapshot does about each:
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
public sealed class SnapshotSummaryQuery(NpgsqlDataSource dataSource, EventSnapshotQuery events)
{
    public const string UnknownEntryType = "unknown_entry_type";

    private static readonly string MembersSql = $"""
        SELECT reason, count(*) FROM (
            SELECT CASE WHEN coalesce(btrim(m.relation_reference, $3), '') = '' THEN '{CustomerIds.MissingReference}'
                        WHEN lower(btrim(m.relation_reference, $3) COLLATE "C") = ANY($4) THEN '{CustomerIds.DisallowedReference}'
                        WHEN EXISTS (SELECT 1 FROM loyalty.point_entries u
                                     WHERE u.program_id = m.program_id AND u.member_id COLLATE "C" = m.member_id COLLATE "C" AND u.occurred_at < $2
                                       AND u.entry_type NOT IN {LedgerSchema.KnownTypesSql}) THEN '{UnknownEntryType}'
                   END AS reason
            FROM loyalty.members m
            WHERE m.program_id = $1 AND m.enrolled_at < $2) r
        GROUP BY reason
        """;

    private static readonly string AnomaliesSql = $"""
        SELECT
          (SELECT count(*) FROM loyalty.point_entries u
            WHERE u.program_id = $1 AND u.occurred_at < $2 AND u.entry_type NOT IN {LedgerSchema.KnownTypesSql}),
          (SELECT count(*) FROM loyalty.point_entries c
            WHERE c.program_id = $1 AND c.expires_at >= $2 AND c.expires_at < $5 AND c.occurred_at < $2
              AND c.entry_type IN {LedgerSchema.CreditTypesSql}
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

    public async Task<SnapshotSummary> ReadAsync(SnapshotScope scope, CancellationToken ct)
    {
        var skipped = new Dictionary<string, long>
        {
            [CustomerIds.MissingReference] = 0,
            [CustomerIds.DisallowedReference] = 0,
            [UnknownEntryType] = 0,
        };
        long members = 0;
        await using (var command = dataSource.CreateCommand(MembersSql))
        {
            command.CommandTimeout = 0;
            Add(command, scope.ProgramId, scope.AsOfUtc, CustomerIds.WhiteSpace, CustomerIds.Disallowed);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (reader.IsDBNull(0))
                {
                    members = reader.GetInt64(1);
                }
                else
                {
                    skipped[reader.GetString(0)] = reader.GetInt64(1);
                }
            }
        }

        var anomalies = new Dictionary<string, long>();
        await using (var command = dataSource.CreateCommand(AnomaliesSql))
        {
            command.CommandTimeout = 0;
            Add(command, scope.ProgramId, scope.AsOfUtc, scope.Day.Start.UtcDateTime, scope.Program.Tiers, scope.Day.EndPlusDays(90).UtcDateTime);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            anomalies[UnknownEntryType] = reader.GetInt64(0);
            anomalies["lot_over_allocated"] = reader.GetInt64(1);
            anomalies["unknown_tier"] = reader.GetInt64(2);
            anomalies["unknown_segment_change"] = reader.GetInt64(3);
        }

        var eventCounts = await events.CountByNameAsync(scope, ct);
        return new SnapshotSummary(scope.ProgramId, scope.BusinessDate, scope.AsOfUtc, members, skipped, eventCounts, anomalies);
    }

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
    }
}

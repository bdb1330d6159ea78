using System.Text.Json;
using Loyalife.SnapshotService.Ledger;
using Npgsql;

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// One page of member attributes (SPEC §5) in a single keyset query: the members index yields the next
/// members in ordinal order, and per member the laterals read only that member's rows through indexes,
/// so a page costs O(limit) whatever the program's size. Only rows with occurred_at &lt; T_D count.
/// </summary>
public sealed class MemberSnapshotQuery(NpgsqlDataSource dataSource)
{
    // Ledger anomalies handled here (the summary counts them):
    // - a member with an entry type outside the contract is skipped (its points cannot be known), see the NOT EXISTS;
    // - a lot allocated more than it holds counts as 0 remaining (clamped with greatest), never negative.
    private static readonly string Sql = $"""
        SELECT m.member_id, btrim(m.relation_reference, $5) AS customer_id, m.enrolled_at,
               p.available, p.accrued, p.redeemed, p.expired, p.last_transaction_at, p.transactions,
               x.expiring_30, x.expiring_60, x.expiring_90,
               (SELECT t.tier FROM loyalty.member_tier_history t
                 WHERE t.program_id = m.program_id AND t.member_id = m.member_id AND t.occurred_at < $2
                 ORDER BY t.occurred_at DESC, t.history_id DESC LIMIT 1) AS tier,
               (SELECT s.status FROM loyalty.member_status_history s
                 WHERE s.program_id = m.program_id AND s.member_id = m.member_id AND s.occurred_at < $2
                 ORDER BY s.occurred_at DESC, s.history_id DESC LIMIT 1) AS status
        FROM loyalty.members m
        CROSS JOIN LATERAL (
            SELECT coalesce(sum(e.points) FILTER (WHERE e.entry_type IN {LedgerSchema.CreditTypesSql}), 0)
                     - coalesce(sum(e.points) FILTER (WHERE e.entry_type IN ('redemption', 'expiry')), 0) AS available,
                   coalesce(sum(e.points) FILTER (WHERE e.entry_type IN ('accrual', 'campaign_bonus', 'manual_bonus', 'tier_bonus')), 0) AS accrued,
                   coalesce(sum(e.points) FILTER (WHERE e.entry_type = 'redemption'), 0)
                     - coalesce(sum(e.points) FILTER (WHERE e.entry_type = 'redemption_reversal'), 0) AS redeemed,
                   coalesce(sum(e.points) FILTER (WHERE e.entry_type = 'expiry'), 0) AS expired,
                   max(e.occurred_at) FILTER (WHERE e.entry_type = 'accrual' AND e.transaction_id IS NOT NULL) AS last_transaction_at,
                   count(DISTINCT e.transaction_id) FILTER (WHERE e.entry_type = 'accrual') AS transactions
            FROM loyalty.point_entries e
            WHERE e.program_id = m.program_id AND e.member_id = m.member_id AND e.occurred_at < $2) p
        CROSS JOIN LATERAL (
            SELECT coalesce(sum(l.remaining) FILTER (WHERE l.expires_at < $7), 0) AS expiring_30,
                   coalesce(sum(l.remaining) FILTER (WHERE l.expires_at < $8), 0) AS expiring_60,
                   coalesce(sum(l.remaining), 0) AS expiring_90
            FROM (
                SELECT c.expires_at,
                       greatest(c.points - coalesce((
                           SELECT sum(a.points) FROM loyalty.point_allocations a
                           JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
                           WHERE a.credit_entry_id = c.entry_id AND d.occurred_at < $2), 0), 0) AS remaining
                FROM loyalty.point_entries c
                WHERE c.program_id = m.program_id AND c.member_id = m.member_id AND c.occurred_at < $2
                  AND c.entry_type IN {LedgerSchema.CreditTypesSql} AND c.expires_at >= $2 AND c.expires_at < $9) l) x
        WHERE m.program_id = $1 AND m.enrolled_at < $2 AND m.member_id COLLATE "C" > $3
          AND {CustomerIds.SqlIsSendable("m", "$5", "$6")}
          AND NOT EXISTS (SELECT 1 FROM loyalty.point_entries u
                          WHERE u.program_id = m.program_id AND u.member_id = m.member_id AND u.occurred_at < $2
                            AND u.entry_type NOT IN {LedgerSchema.KnownTypesSql})
        ORDER BY m.member_id COLLATE "C"
        LIMIT $4
        """;

    /// <summary>
    /// Runs the query, calls <paramref name="begin"/> once it succeeded (so a failing query still gets a
    /// problem answer), then writes up to <paramref name="limit"/> items; answers the next cursor or null.
    /// </summary>
    public async Task<string?> WriteItemsAsync(SnapshotScope scope, string afterMemberId, int limit, Utf8JsonWriter json, Func<Task> flush, Action begin, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Sql);
        command.CommandTimeout = 0;
        var day = scope.Day;
        command.Parameters.Add(new NpgsqlParameter { Value = scope.ProgramId });
        command.Parameters.Add(new NpgsqlParameter { Value = scope.AsOfUtc });
        command.Parameters.Add(new NpgsqlParameter { Value = afterMemberId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        command.Parameters.Add(new NpgsqlParameter { Value = CustomerIds.WhiteSpace });
        command.Parameters.Add(new NpgsqlParameter { Value = CustomerIds.Disallowed });
        command.Parameters.Add(new NpgsqlParameter { Value = day.EndPlusDays(30).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = day.EndPlusDays(60).UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = day.EndPlusDays(90).UtcDateTime });

        await using var reader = await command.ExecuteReaderAsync(ct);
        begin();
        var written = 0;
        string? last = null;
        while (await reader.ReadAsync(ct))
        {
            if (written == limit)
            {
                return Cursors.ForMember(last!);
            }

            last = reader.GetString(0);
            WriteMember(reader, day, json);
            written++;
            if (written % 500 == 0)
            {
                await flush();
            }
        }

        return null;
    }

    private static void WriteMember(NpgsqlDataReader row, BusinessDay day, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("memberId", row.GetString(0));
        json.WriteString("customerId", row.GetString(1));
        json.WriteStartObject("attributes");
        json.WriteNumber("points_available", row.GetInt64(3));
        json.WriteNumber("points_accrued_lifetime", row.GetInt64(4));
        json.WriteNumber("points_redeemed_lifetime", row.GetInt64(5));
        json.WriteNumber("points_expired_lifetime", row.GetInt64(6));
        if (!row.IsDBNull(12))
        {
            json.WriteString("tier", row.GetString(12));
        }

        if (!row.IsDBNull(13))
        {
            json.WriteString("status", row.GetString(13));
        }

        json.WriteString("enrollment_date", Format.Date(day.LocalDateOf(row.GetFieldValue<DateTimeOffset>(2))));
        if (!row.IsDBNull(7))
        {
            var last = day.LocalDateOf(row.GetFieldValue<DateTimeOffset>(7));
            json.WriteString("last_transaction_date", Format.Date(last));
            json.WriteNumber("total_transactions", row.GetInt64(8));
            json.WriteNumber("days_since_last_activity", day.Date.DayNumber - last.DayNumber);
        }
        else
        {
            json.WriteNumber("total_transactions", row.GetInt64(8));
        }

        json.WriteNumber("points_expiring_30d", row.GetInt64(9));
        json.WriteNumber("points_expiring_60d", row.GetInt64(10));
        json.WriteNumber("points_expiring_90d", row.GetInt64(11));
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

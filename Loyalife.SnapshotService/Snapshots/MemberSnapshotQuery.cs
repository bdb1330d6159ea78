namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// One page of member attributes (docs/ledger.md) in one set-based query. The page's members come from the
/// ordinal member index (keyset after the cursor); each ledger table is then read once for the member-id
/// range the page spans, through its (program_id, member_id COLLATE "C", …) index, and aggregated per
/// member. A page costs O(rows of its members), whatever the program's size; nothing is held in memory
/// beyond the rows being written. Only rows with occurred_at &lt; T_D count.
/// </summary>
public sealed class MemberSnapshotQuery(NpgsqlDataSource dataSource)
{
    private const string InPageRange = "program_id = $1 AND member_id COLLATE \"C\" >= (SELECT first FROM page_range) AND member_id COLLATE \"C\" <= (SELECT last FROM page_range) AND occurred_at < $2";

    // Ledger anomalies handled here (LedgerAnomalyQuery counts them):
    // - a member with an entry type outside the contract is skipped (its points cannot be known), see the NOT EXISTS;
    // - a lot allocated more than it holds counts as 0 remaining (clamped with greatest), never negative.
    private static readonly string Sql = $"""
        WITH page AS MATERIALIZED (
            SELECT m.member_id COLLATE "C" AS member_id, btrim(m.relation_reference, $5) AS customer_id, m.enrolled_at
            FROM loyalty.members m
            WHERE m.program_id = $1 AND m.enrolled_at < $2 AND m.member_id COLLATE "C" > $3
              AND ($10::text IS NULL OR m.member_id COLLATE "C" = $10::text COLLATE "C")
              AND {CustomerIds.SqlIsSendable("m", "$5", "$6")}
              AND NOT EXISTS (SELECT 1 FROM loyalty.point_entries u
                              WHERE u.program_id = m.program_id AND u.member_id COLLATE "C" = m.member_id COLLATE "C"
                                AND u.occurred_at < $2 AND u.entry_type NOT IN {EntryTypes.KnownSql})
            ORDER BY m.member_id COLLATE "C"
            LIMIT $4),
        page_range AS (SELECT min(member_id) AS first, max(member_id) AS last FROM page),
        points AS (
            SELECT e.member_id COLLATE "C" AS member_id,
                   coalesce(sum(e.points) FILTER (WHERE e.entry_type IN {EntryTypes.CreditsSql}), 0)
                     - coalesce(sum(e.points) FILTER (WHERE e.entry_type IN ('redemption', 'expiry')), 0) AS available,
                   coalesce(sum(e.points) FILTER (WHERE e.entry_type IN ('accrual', 'campaign_bonus', 'manual_bonus', 'tier_bonus')), 0) AS accrued,
                   coalesce(sum(e.points) FILTER (WHERE e.entry_type = 'redemption'), 0)
                     - coalesce(sum(e.points) FILTER (WHERE e.entry_type = 'redemption_reversal'), 0) AS redeemed,
                   coalesce(sum(e.points) FILTER (WHERE e.entry_type = 'expiry'), 0) AS expired,
                   max(e.occurred_at) FILTER (WHERE e.entry_type = 'accrual' AND e.transaction_id IS NOT NULL) AS last_transaction_at,
                   count(DISTINCT e.transaction_id) FILTER (WHERE e.entry_type = 'accrual') AS transactions
            FROM loyalty.point_entries e
            WHERE e.{InPageRange}
            GROUP BY 1),
        lots AS MATERIALIZED (
            SELECT c.member_id COLLATE "C" AS member_id, c.expires_at,
                   greatest(c.points - coalesce((
                       SELECT sum(a.points) FROM loyalty.point_allocations a
                       JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
                       WHERE a.credit_entry_id = c.entry_id AND d.occurred_at < $2), 0), 0) AS remaining
            FROM loyalty.point_entries c
            WHERE c.{InPageRange} AND c.entry_type IN {EntryTypes.CreditsSql} AND c.expires_at >= $2 AND c.expires_at < $9),
        expiring AS (
            SELECT member_id,
                   sum(remaining) FILTER (WHERE expires_at < $7)::bigint AS expiring_30,
                   sum(remaining) FILTER (WHERE expires_at < $8)::bigint AS expiring_60,
                   sum(remaining)::bigint AS expiring_90
            FROM lots GROUP BY member_id),
        tiers AS (
            SELECT DISTINCT ON (1) t.member_id COLLATE "C" AS member_id, t.tier
            FROM loyalty.member_tier_history t
            WHERE t.{InPageRange}
            ORDER BY 1, t.occurred_at DESC, t.history_id DESC),
        statuses AS (
            SELECT DISTINCT ON (1) s.member_id COLLATE "C" AS member_id, s.status
            FROM loyalty.member_status_history s
            WHERE s.{InPageRange}
            ORDER BY 1, s.occurred_at DESC, s.history_id DESC)
        SELECT p.member_id, p.customer_id, p.enrolled_at,
               coalesce(pt.available, 0), coalesce(pt.accrued, 0), coalesce(pt.redeemed, 0), coalesce(pt.expired, 0),
               pt.last_transaction_at, coalesce(pt.transactions, 0),
               coalesce(x.expiring_30, 0), coalesce(x.expiring_60, 0), coalesce(x.expiring_90, 0),
               t.tier, s.status
        FROM page p
        LEFT JOIN points pt ON pt.member_id = p.member_id
        LEFT JOIN expiring x ON x.member_id = p.member_id
        LEFT JOIN tiers t ON t.member_id = p.member_id
        LEFT JOIN statuses s ON s.member_id = p.member_id
        ORDER BY p.member_id
        """;

    /// <summary>
    /// Runs the query, calls <paramref name="begin"/> once it succeeded (so a failing query still gets a
    /// problem answer), then writes up to <paramref name="limit"/> items; answers the next cursor or null.
    /// </summary>
    public async Task<string?> WriteItemsAsync(SnapshotScope scope, string afterMemberId, int limit, Utf8JsonWriter json, Func<Task> flush, Action begin, CancellationToken ct)
    {
        await using var command = Command(scope, afterMemberId, limit, onlyMemberId: null);
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
            WriteMember(reader, scope.Day, json);
            written++;
            if (written % 500 == 0)
            {
                await flush();
            }
        }

        return null;
    }

    /// <summary>Writes one member as its page item would read, or nothing (answering false) when the member is not sent.</summary>
    public async Task<bool> WriteMemberAsync(SnapshotScope scope, string memberId, Utf8JsonWriter json, CancellationToken ct)
    {
        await using var command = Command(scope, "", 1, memberId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return false;
        }

        WriteMember(reader, scope.Day, json);
        return true;
    }

    // $10, when set, narrows the page to that one member: the ledger is then read for it alone.
    private NpgsqlCommand Command(SnapshotScope scope, string afterMemberId, int limit, string? onlyMemberId)
    {
        var command = dataSource.CreateCommand(Sql);
        command.CommandTimeout = 0;
        var day = scope.Day;
        SqlParameters.Add(command, scope.ProgramId, scope.AsOfUtc, afterMemberId, limit + 1, CustomerIds.WhiteSpace, CustomerIds.Disallowed,
            day.EndPlusDays(30).UtcDateTime, day.EndPlusDays(60).UtcDateTime, day.EndPlusDays(90).UtcDateTime);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)onlyMemberId ?? DBNull.Value });
        return command;
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

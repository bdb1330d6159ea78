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
    private const string InPageRange = "program_id = @program AND member_id COLLATE \"C\" >= (SELECT first FROM page_range) AND member_id COLLATE \"C\" <= (SELECT last FROM page_range) AND occurred_at < @as_of";

    // Ledger anomalies handled here (LedgerAnomalyQuery counts them):
    // - a member with an entry type outside the contract is skipped (its points cannot be known), see the NOT EXISTS;
    // - a lot allocated more than it holds counts as 0 remaining (clamped with greatest), never negative.
    private static readonly string Sql = SqlFor("", "loyalty.members m", InPageRange);

    /// <summary>
    /// The page of an intraday pass: only the members with a row in the pass (<see cref="Intraday.PassRows"/>), looked
    /// up one by one from that set, and each table read for those members alone (they are sparse: the range a page
    /// spans would hold nearly every member of the program), so a pass costs what its own rows and members cost.
    /// </summary>
    private static readonly string PassSql = SqlFor(
        $"concerned AS MATERIALIZED (SELECT DISTINCT r.member_id FROM ({Intraday.PassRows.MembersSql}) r(member_id) WHERE r.member_id COLLATE \"C\" > @after_member),",
        "concerned c CROSS JOIN LATERAL (SELECT l.* FROM loyalty.members l WHERE l.program_id = @program AND l.member_id = c.member_id) m",
        InPageRange + " AND member_id COLLATE \"C\" IN (SELECT member_id FROM page)");

    private static string SqlFor(string before, string members, string inPage) => $"""
        WITH {before} page AS MATERIALIZED (
            SELECT m.member_id COLLATE "C" AS member_id, btrim(m.relation_reference, @white_space) AS customer_id, m.enrolled_at
            FROM {members}
            WHERE m.program_id = @program AND m.enrolled_at < @as_of AND m.member_id COLLATE "C" > @after_member
              AND (@only_member::text IS NULL OR m.member_id COLLATE "C" = @only_member::text COLLATE "C")
              AND {CustomerIds.SqlIsSendable("m", "@white_space", "@disallowed")}
              AND NOT EXISTS (SELECT 1 FROM loyalty.point_entries u
                              WHERE u.program_id = m.program_id AND u.member_id COLLATE "C" = m.member_id COLLATE "C"
                                AND u.occurred_at < @as_of AND u.entry_type NOT IN {EntryTypes.KnownSql})
            ORDER BY m.member_id COLLATE "C"
            LIMIT @limit),
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
            WHERE e.{inPage}
            GROUP BY 1),
        lots AS MATERIALIZED (
            SELECT c.member_id COLLATE "C" AS member_id, c.expires_at,
                   greatest(c.points - coalesce((
                       SELECT sum(a.points) FROM loyalty.point_allocations a
                       JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
                       WHERE a.credit_entry_id = c.entry_id AND d.occurred_at < @as_of), 0), 0) AS remaining
            FROM loyalty.point_entries c
            -- "+ interval '0'": the window must not be an index condition (docs/ledger.md, "Why a member page reads lots by member").
            WHERE c.{inPage} AND c.entry_type IN {EntryTypes.CreditsSql}
              AND c.expires_at + interval '0' >= @as_of AND c.expires_at + interval '0' < @expiring_90_to),
        expiring AS (
            SELECT member_id,
                   sum(remaining) FILTER (WHERE expires_at < @expiring_30_to)::bigint AS expiring_30,
                   sum(remaining) FILTER (WHERE expires_at < @expiring_60_to)::bigint AS expiring_60,
                   sum(remaining)::bigint AS expiring_90
            FROM lots GROUP BY member_id),
        tiers AS (
            SELECT DISTINCT ON (1) t.member_id COLLATE "C" AS member_id, t.tier
            FROM loyalty.member_tier_history t
            WHERE t.{inPage}
            ORDER BY 1, t.occurred_at DESC, t.history_id DESC),
        statuses AS (
            SELECT DISTINCT ON (1) s.member_id COLLATE "C" AS member_id, s.status
            FROM loyalty.member_status_history s
            WHERE s.{inPage}
            ORDER BY 1, s.occurred_at DESC, s.history_id DESC)
        SELECT p.member_id, p.customer_id, p.enrolled_at,
               coalesce(pt.available, 0) AS available, coalesce(pt.accrued, 0) AS accrued, coalesce(pt.redeemed, 0) AS redeemed,
               coalesce(pt.expired, 0) AS expired, pt.last_transaction_at, coalesce(pt.transactions, 0) AS transactions,
               coalesce(x.expiring_30, 0) AS expiring_30, coalesce(x.expiring_60, 0) AS expiring_60, coalesce(x.expiring_90, 0) AS expiring_90,
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
    public async Task<string?> WriteItemsAsync(
        SnapshotScope scope, string afterMemberId, int limit, Utf8JsonWriter json, Func<Task> flush, Action begin, CancellationToken ct,
        Intraday.PassWindow? pass = null)
    {
        await using var command = Command(scope, afterMemberId, limit, onlyMemberId: null, pass);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new MemberColumns(reader);
        begin();
        var written = 0;
        string? last = null;
        while (await reader.ReadAsync(ct))
        {
            if (written == limit)
            {
                return Cursors.ForMember(last!);
            }

            last = reader.GetString(columns.MemberId);
            WriteMember(reader, columns, scope.Day, json);
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

        WriteMember(reader, new MemberColumns(reader), scope.Day, json);
        return true;
    }

    // @only_member, when set, narrows the page to that one member: the ledger is then read for it alone.
    private NpgsqlCommand Command(SnapshotScope scope, string afterMemberId, int limit, string? onlyMemberId, Intraday.PassWindow? pass = null)
    {
        var command = dataSource.CreateCommand(pass is null ? Sql : PassSql);
        pass?.AddParameters(command, scope);
        command.CommandTimeout = StatementTimeout.Seconds;
        var parameters = command.Parameters;
        parameters.AddWithValue("program", scope.ProgramId);
        parameters.AddWithValue("as_of", scope.AsOfUtc);
        parameters.AddWithValue("after_member", afterMemberId);
        parameters.AddWithValue("limit", limit + 1);
        parameters.AddWithValue("white_space", CustomerIds.WhiteSpace);
        parameters.AddWithValue("disallowed", CustomerIds.Disallowed);
        parameters.AddWithValue("expiring_30_to", scope.AsOfPlusDays(30).UtcDateTime);
        parameters.AddWithValue("expiring_60_to", scope.AsOfPlusDays(60).UtcDateTime);
        parameters.AddWithValue("expiring_90_to", scope.AsOfPlusDays(90).UtcDateTime);
        parameters.Add(new NpgsqlParameter("only_member", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)onlyMemberId ?? DBNull.Value });
        return command;
    }

    private static void WriteMember(NpgsqlDataReader row, MemberColumns column, BusinessDay day, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("memberId", row.GetString(column.MemberId));
        json.WriteString("customerId", row.GetString(column.CustomerId));
        json.WriteStartObject("attributes");
        json.WriteNumber("points_available", row.GetInt64(column.Available));
        json.WriteNumber("points_accrued_lifetime", row.GetInt64(column.Accrued));
        json.WriteNumber("points_redeemed_lifetime", row.GetInt64(column.Redeemed));
        json.WriteNumber("points_expired_lifetime", row.GetInt64(column.Expired));
        if (!row.IsDBNull(column.Tier))
        {
            json.WriteString("tier", row.GetString(column.Tier));
        }

        if (!row.IsDBNull(column.Status))
        {
            json.WriteString("status", row.GetString(column.Status));
        }

        json.WriteString("enrollment_date", Format.Date(day.LocalDateOf(row.GetFieldValue<DateTimeOffset>(column.EnrolledAt))));
        if (!row.IsDBNull(column.LastTransactionAt))
        {
            var last = day.LocalDateOf(row.GetFieldValue<DateTimeOffset>(column.LastTransactionAt));
            json.WriteString("last_transaction_date", Format.Date(last));
            json.WriteNumber("total_transactions", row.GetInt64(column.Transactions));
            json.WriteNumber("days_since_last_activity", day.Date.DayNumber - last.DayNumber);
        }
        else
        {
            json.WriteNumber("total_transactions", row.GetInt64(column.Transactions));
        }

        json.WriteNumber("points_expiring_30d", row.GetInt64(column.Expiring30));
        json.WriteNumber("points_expiring_60d", row.GetInt64(column.Expiring60));
        json.WriteNumber("points_expiring_90d", row.GetInt64(column.Expiring90));
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

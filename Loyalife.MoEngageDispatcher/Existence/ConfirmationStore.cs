namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>
/// Get User's confirmations per workspace, and the members each program's events were for, in PostgreSQL:
/// replicas and restarts share them, so a customer_id is asked about once per freshness period, not per run.
/// </summary>
public sealed class ConfirmationStore(NpgsqlDataSource database, TimeProvider time)
{
    public async Task<Dictionary<string, MemberConfirmation>> LookupAsync(
        string appId, IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT customer_id, found, absent_since, last_checked FROM dispatch.confirmations WHERE app_id = @app AND customer_id = ANY(@ids)");
        command.Parameters.AddWithValue("app", appId);
        command.Parameters.AddWithValue("ids", customerIds.ToArray());
        var found = new Dictionary<string, MemberConfirmation>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        int customerId = reader.GetOrdinal("customer_id"), isFound = reader.GetOrdinal("found"), absentSince = reader.GetOrdinal("absent_since"),
            lastChecked = reader.GetOrdinal("last_checked");
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(customerId)] = new MemberConfirmation(reader.GetBoolean(isFound),
                reader.IsDBNull(absentSince) ? null : reader.GetFieldValue<DateTimeOffset>(absentSince), reader.GetFieldValue<DateTimeOffset>(lastChecked));
        }

        return found;
    }

    /// <summary>Records one Get User answer; a member still absent keeps the time it was first found absent.</summary>
    public async Task SaveAsync(
        string appId, IReadOnlyCollection<string> found, IReadOnlyCollection<string> notFound, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO dispatch.confirmations (app_id, customer_id, found, absent_since, last_checked)
            SELECT @app, id, f, CASE WHEN f THEN NULL ELSE @now END, @now
            FROM unnest(@ids, @found) AS answer(id, f)
            ON CONFLICT (app_id, customer_id) DO UPDATE SET
                found = excluded.found,
                absent_since = CASE WHEN excluded.found THEN NULL ELSE coalesce(dispatch.confirmations.absent_since, excluded.absent_since) END,
                last_checked = excluded.last_checked
            """);
        command.Parameters.AddWithValue("app", appId);
        command.Parameters.AddWithValue("ids", found.Concat(notFound).ToArray());
        command.Parameters.AddWithValue("found", found.Select(_ => true).Concat(notFound.Select(_ => false)).ToArray());
        command.Parameters.AddWithValue("now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Remembers which customer_id and workspace the events of <paramref name="date"/> went under for the members
    /// found absent, and forgets the <paramref name="others"/>: the list joins these rows with the confirmations.
    /// </summary>
    public async Task RememberAsync(
        string programId, string appId, DateOnly date, IReadOnlyDictionary<string, string> absentMembers,
        IReadOnlyCollection<string> others, CancellationToken cancellationToken)
    {
        if (absentMembers.Count == 0 && others.Count == 0)
        {
            return;
        }

        await using var command = database.CreateCommand("""
            WITH forgotten AS (DELETE FROM dispatch.event_members WHERE program_id = @p AND member_id = ANY(@others))
            INSERT INTO dispatch.event_members (program_id, member_id, customer_id, app_id, last_event_date)
            SELECT @p, m, c, @app, @d FROM unnest(@members, @customers) AS seen(m, c)
            ON CONFLICT (program_id, member_id) DO UPDATE SET customer_id = excluded.customer_id, app_id = excluded.app_id,
                last_event_date = greatest(dispatch.event_members.last_event_date, excluded.last_event_date)
            """);
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("app", appId);
        command.Parameters.AddWithValue("d", date);
        command.Parameters.AddWithValue("members", absentMembers.Keys.ToArray());
        command.Parameters.AddWithValue("customers", absentMembers.Values.ToArray());
        command.Parameters.AddWithValue("others", others.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Members with events from <paramref name="from"/> to <paramref name="to"/> whom MoEngage was found not to hold.</summary>
    public async Task<long> CountNotInMoEngageAsync(string programId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT count(*) FROM {Absent} AND m.last_event_date BETWEEN @from AND @to
            """);
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The program's members MoEngage does not hold, ordered by memberId after <paramref name="after"/>;
    /// <paramref name="search"/> matches memberId or customerId (case-insensitive substring).
    /// </summary>
    public async Task<MembersNotInMoEngagePage> ListNotInMoEngageAsync(
        string programId, string? search, string? after, int? limit, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrEmpty(search) ? "" : " AND (strpos(lower(m.member_id), lower(@search)) > 0 OR strpos(lower(m.customer_id), lower(@search)) > 0)";
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        long total;
        await using (var count = new NpgsqlCommand($"SELECT count(*) FROM {Absent}{filter}", connection))
        {
            count.Parameters.AddWithValue("p", programId);
            count.Parameters.AddWithValue("search", search ?? "");
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var command = new NpgsqlCommand($"""
            SELECT m.member_id, m.customer_id, c.absent_since, c.last_checked FROM {Absent}{filter}
              AND (@after::text IS NULL OR m.member_id COLLATE "C" > @after::text COLLATE "C")
            ORDER BY m.member_id COLLATE "C" {(limit is null ? "" : "LIMIT @limit")}
            """, connection);
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("search", search ?? "");
        command.Parameters.AddWithValue("after", NpgsqlTypes.NpgsqlDbType.Text, (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", (limit ?? 0) + 1);
        var items = await command.ReadRowsAsync<MemberNotInMoEngage>(reader =>
        {
            int memberId = reader.GetOrdinal("member_id"), customerId = reader.GetOrdinal("customer_id"),
                absentSince = reader.GetOrdinal("absent_since"), lastChecked = reader.GetOrdinal("last_checked");
            return () => new MemberNotInMoEngage(reader.GetString(memberId), reader.GetString(customerId),
                reader.GetFieldValue<DateTimeOffset>(reader.IsDBNull(absentSince) ? lastChecked : absentSince),
                reader.GetFieldValue<DateTimeOffset>(lastChecked));
        }, cancellationToken);

        string? next = null;
        if (limit is { } size && items.Count > size)
        {
            items.RemoveAt(size);
            next = items[^1].MemberId;
        }

        return new MembersNotInMoEngagePage(items, next, total);
    }

    private const string Absent = """
        dispatch.event_members m JOIN dispatch.confirmations c ON c.app_id = m.app_id AND c.customer_id = m.customer_id
        WHERE m.program_id = @p AND NOT c.found
        """;

    // PostgreSQL keeps microseconds; trimming here makes what we hand out equal to what we read back.
    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return new(now.UtcTicks - now.UtcTicks % 10, TimeSpan.Zero);
    }
}

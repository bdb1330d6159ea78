namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// What the lane delivered, item by item: the events MoEngage accepted (the night of their day leaves them out) and
/// the members it refreshed (the night of an earlier day leaves them out), and the figures of each day.
/// </summary>
public sealed class LaneStore(NpgsqlDataSource database) : ILaneDeliveries
{
    public async Task RecordEventsAsync(PassRow pass, IReadOnlyList<ItemKey> events, DateTimeOffset acceptedAt, CancellationToken cancellationToken)
    {
        // The earliest a pass could have seen an event: after the previous pass's cut-off (its row was not yet
        // seen then) and not before it happened; the day's first pass counts from its own cut-off.
        var seenFrom = pass.Window.Since ?? pass.Window.CutOff;
        await using var command = database.CreateCommand("""
            INSERT INTO dispatch.intraday_events (program_id, business_date, event_id, pass_id, visible_at, accepted_at)
            SELECT @program, @date, e.id, @pass, greatest(coalesce(e.at, @seen_from), @seen_from), @accepted_at
            FROM unnest(@ids, @ats) AS e(id, at)
            ON CONFLICT DO NOTHING
            """);
        var parameters = command.Parameters;
        parameters.AddWithValue("program", pass.ProgramId);
        parameters.AddWithValue("date", pass.Window.Date);
        parameters.AddWithValue("pass", pass.PassId);
        parameters.AddWithValue("seen_from", seenFrom.UtcDateTime);
        parameters.AddWithValue("accepted_at", acceptedAt.UtcDateTime);
        parameters.AddWithValue("ids", events.Select(e => e.Id).ToArray());
        parameters.Add(new NpgsqlParameter("ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            Value = events.Select(e => e.OccurredAt is { } at ? (object)at.UtcDateTime : DBNull.Value).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordMembersAsync(PassRow pass, IReadOnlyList<ItemKey> members, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO dispatch.intraday_members (program_id, business_date, member_id, cut_off)
            SELECT @program, @date, m, @cut_off FROM unnest(@ids) AS m
            ON CONFLICT (program_id, business_date, member_id) DO UPDATE SET cut_off = greatest(intraday_members.cut_off, excluded.cut_off)
            """);
        command.Parameters.AddWithValue("program", pass.ProgramId);
        command.Parameters.AddWithValue("date", pass.Window.Date);
        command.Parameters.AddWithValue("cut_off", pass.Window.CutOff.UtcDateTime);
        command.Parameters.AddWithValue("ids", members.Select(m => m.Id).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every pass of a later date has its cut-off after this date's end, so its members hold newer attributes.</summary>
    public async Task<LaneDelivered> OfDayAsync(string programId, DateOnly date, CancellationToken cancellationToken)
    {
        var events = await ReadIdsAsync(
            "SELECT event_id FROM dispatch.intraday_events WHERE program_id = @program AND business_date = @date", programId, date, cancellationToken);
        var members = await ReadIdsAsync(
            "SELECT DISTINCT member_id FROM dispatch.intraday_members WHERE program_id = @program AND business_date > @date", programId, date, cancellationToken);
        var skipped = await ReadIdsAsync(
            "SELECT event_id FROM dispatch.intraday_skipped_events WHERE program_id = @program AND business_date = @date", programId, date, cancellationToken);
        return new LaneDelivered(events, members, skipped);
    }

    /// <summary>What the lane did on each of the program's last <paramref name="days"/> days with a pass, newest first.</summary>
    public async Task<IReadOnlyList<IntradayDay>> DaysAsync(string programId, int days, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            WITH days AS (
                SELECT business_date,
                       count(*) FILTER (WHERE status = 'succeeded') AS passes,
                       count(*) FILTER (WHERE status = 'held') AS held_passes,
                       coalesce(sum((SELECT sum(value::bigint) FROM jsonb_each_text(report -> 'eventsHeldBack'))), 0) AS held_back
                FROM dispatch.intraday_passes WHERE program_id = @program
                GROUP BY business_date ORDER BY business_date DESC LIMIT @days)
            SELECT d.business_date, d.passes, d.held_passes, d.held_back::bigint AS held_back,
                   (SELECT count(*) FROM dispatch.intraday_members m WHERE m.program_id = @program AND m.business_date = d.business_date) AS members,
                   e.events, e.median, e.p95, e.worst
            FROM days d
            CROSS JOIN LATERAL (
                SELECT count(*) AS events,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - visible_at)) AS median,
                       percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - visible_at)) AS p95,
                       max(extract(epoch FROM accepted_at - visible_at))::float8 AS worst
                FROM dispatch.intraday_events x WHERE x.program_id = @program AND x.business_date = d.business_date) e
            ORDER BY d.business_date DESC
            """);
        command.Parameters.AddWithValue("program", programId);
        command.Parameters.AddWithValue("days", days);
        var rows = new List<IntradayDay>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            double? Seconds(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : Math.Round(reader.GetDouble(reader.GetOrdinal(column)), 1);
            rows.Add(new IntradayDay(
                reader.GetFieldValue<DateOnly>(reader.GetOrdinal("business_date")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.GetInt64(reader.GetOrdinal("passes")), reader.GetInt64(reader.GetOrdinal("held_passes")),
                reader.GetInt64(reader.GetOrdinal("events")), reader.GetInt64(reader.GetOrdinal("members")),
                reader.GetInt64(reader.GetOrdinal("held_back")),
                Seconds("median"), Seconds("p95"), Seconds("worst")));
        }

        return rows;
    }

    private async Task<HashSet<string>> ReadIdsAsync(string sql, string programId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("program", programId);
        command.Parameters.AddWithValue("date", date);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}

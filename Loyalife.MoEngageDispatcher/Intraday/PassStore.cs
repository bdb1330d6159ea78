namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// The passes' rows. A pass is written like a run (its checkpoint and report together after each accepted body),
/// each write after its claim conditional on the lease's fencing token (<see cref="LeaseLostException"/> otherwise).
/// Rejected elements are counted in the pass's report and kept, as a run's, in <c>dispatch.rejected_elements</c> under
/// the pass's id, in the same transaction as the progress they belong to.
/// </summary>
public sealed class PassStore(NpgsqlDataSource database, TimeProvider time) : IProgressStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = "pass_id, program_id, business_date, from_horizon, since, to_horizon, cut_off, status, reason, checkpoint, report";

    /// <summary>The program's newest pass, of any day and state.</summary>
    public async Task<PassRow?> LatestAsync(string programId, CancellationToken cancellationToken) =>
        await ReadOneAsync("WHERE program_id = @program ORDER BY started_at DESC LIMIT 1", programId, null, cancellationToken);

    /// <summary>
    /// The last pass of <paramref name="date"/> that went through or that an admin skipped: the next pass reads on
    /// from its window (a skipped pass's rows are never read again).
    /// </summary>
    public async Task<PassRow?> LastSucceededAsync(string programId, DateOnly date, CancellationToken cancellationToken) =>
        await ReadOneAsync("WHERE program_id = @program AND business_date = @date AND status IN ('succeeded', 'skipped') ORDER BY cut_off DESC LIMIT 1",
            programId, date, cancellationToken);

    public async Task<bool> HeldOnAsync(string programId, DateOnly date, CancellationToken cancellationToken) =>
        await ReadOneAsync("WHERE program_id = @program AND business_date = @date AND status = 'held' LIMIT 1", programId, date, cancellationToken) is not null;

    /// <summary>The events by name of the passes of <paramref name="date"/> that went through (what their summaries counted).</summary>
    public async Task<Dictionary<string, long>> EventsSoFarAsync(string programId, DateOnly date, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT e.key AS name, sum(e.value::bigint)::bigint AS events
            FROM dispatch.intraday_passes p,
                 jsonb_each_text(p.report -> 'days' -> to_char(p.business_date, 'YYYY-MM-DD') -> 'eventsInSnapshot') AS e
            WHERE p.program_id = @program AND p.business_date = @date AND p.status = 'succeeded'
            GROUP BY e.key
            """);
        command.Parameters.AddWithValue("program", programId);
        command.Parameters.AddWithValue("date", date);
        var events = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events[reader.GetString(0)] = reader.GetInt64(1);
        }

        return events;
    }

    /// <summary>The program's held passes, newest first: each waits for an admin's release or skip.</summary>
    public async Task<IReadOnlyList<PassRow>> HeldAsync(string programId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM dispatch.intraday_passes WHERE program_id = @program AND status = 'held' ORDER BY cut_off DESC");
        command.Parameters.AddWithValue("program", programId);
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<PassRow?> GetAsync(string programId, Guid passId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM dispatch.intraday_passes WHERE program_id = @program AND pass_id = @id");
        command.Parameters.AddWithValue("program", programId);
        command.Parameters.AddWithValue("id", passId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// An admin's decision on a held pass, if it is still held: released (pending, the decision in its report, so its
    /// hold check is not made again) or skipped (with <paramref name="skippedEvents"/>, its events, which the night of
    /// its day leaves out). Null when the pass is no longer held.
    /// </summary>
    public async Task<PassRow?> DecideAsync(
        PassRow held, bool release, string actor, IReadOnlyList<string> skippedEvents, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var report = held.Report;
        if (release)
        {
            (report.Held!.ReleasedAt, report.Held.ReleasedBy) = (now, actor);
        }
        else
        {
            (report.Held!.SkippedAt, report.Held.SkippedBy) = (now, actor);
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand($"""
            UPDATE dispatch.intraday_passes SET status = @status, reason = @reason, report = @report,
                finished_at = CASE WHEN @status = 'skipped' THEN @now END
            WHERE pass_id = @id AND status = 'held'
            """, connection, transaction))
        {
            update.Parameters.AddWithValue("id", held.PassId);
            update.Parameters.AddWithValue("status", release ? PassStatus.Pending : PassStatus.Skipped);
            update.Parameters.AddWithValue("reason", $"{(release ? "released" : "skipped")} by {actor}: {report.Held.Summary}");
            update.Parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(report, Json) });
            update.Parameters.AddWithValue("now", now);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        if (!release)
        {
            await using var skipped = new NpgsqlCommand("""
                INSERT INTO dispatch.intraday_skipped_events (program_id, business_date, event_id, pass_id)
                SELECT @program, @date, e, @id FROM unnest(@events) AS e
                ON CONFLICT DO NOTHING
                """, connection, transaction);
            skipped.Parameters.AddWithValue("program", held.ProgramId);
            skipped.Parameters.AddWithValue("date", held.Window.Date);
            skipped.Parameters.AddWithValue("id", held.PassId);
            skipped.Parameters.AddWithValue("events", skippedEvents.ToArray());
            await skipped.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(held.ProgramId, held.PassId, cancellationToken);
    }

    /// <summary>A new pass, already claimed with <paramref name="fencingToken"/>.</summary>
    public async Task<PassRow> CreateAsync(string programId, PassWindow window, long fencingToken, CancellationToken cancellationToken)
    {
        var row = new PassRow(Guid.CreateVersion7(), programId, window, PassStatus.Running, null, null, new RunReport());
        await using var command = database.CreateCommand("""
            INSERT INTO dispatch.intraday_passes (pass_id, program_id, business_date, from_horizon, since, to_horizon, cut_off, status,
                fencing_token, report, started_at)
            VALUES (@id, @program, @date, @from, @since, @to, @cut_off, 'running', @token, @report, @now)
            """);
        var parameters = command.Parameters;
        parameters.AddWithValue("id", row.PassId);
        parameters.AddWithValue("program", programId);
        parameters.AddWithValue("date", window.Date);
        parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Numeric) { Value = window.From is { } from ? (decimal)from : DBNull.Value });
        parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = window.Since is { } since ? since.UtcDateTime : DBNull.Value });
        parameters.AddWithValue("to", (decimal)window.To);
        parameters.AddWithValue("cut_off", window.CutOff.UtcDateTime);
        parameters.AddWithValue("token", fencingToken);
        parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(row.Report, Json) });
        parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return row;
    }

    /// <summary>Takes an unfinished pass over with a newer fencing token; null when a newer holder has it or it has ended.</summary>
    public async Task<PassRow?> ClaimAsync(Guid passId, long fencingToken, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            UPDATE dispatch.intraday_passes SET status = 'running', reason = NULL, fencing_token = @token, finished_at = NULL
            WHERE pass_id = @id AND fencing_token < @token AND status IN ('running', 'failed', 'pending')
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", passId);
        command.Parameters.AddWithValue("token", fencingToken);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Ends an unfinished pass without finishing it: what it did not deliver, the night does.</summary>
    public async Task AbandonAsync(Guid passId, string reason, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "UPDATE dispatch.intraday_passes SET status = 'abandoned', reason = @reason, finished_at = @now WHERE pass_id = @id AND status IN ('running', 'failed', 'pending')");
        command.Parameters.AddWithValue("id", passId);
        command.Parameters.AddWithValue("reason", reason);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task FinishAsync(Guid passId, long fencingToken, string status, string? reason, RunReport report, CancellationToken cancellationToken) =>
        UpdateAsync(passId, fencingToken, null, report, status, reason, cancellationToken);

    public Task SaveProgressAsync(
        Guid runId, long fencingToken, Checkpoint checkpoint, RunReport report, IReadOnlyList<RejectedElement> rejected, CancellationToken cancellationToken) =>
        UpdateAsync(runId, fencingToken, checkpoint, report, null, null, cancellationToken, rejected);

    public Task SaveReportAsync(Guid runId, long fencingToken, RunReport report, CancellationToken cancellationToken) =>
        UpdateAsync(runId, fencingToken, null, report, null, null, cancellationToken);

    /// <summary>The pass went through: it is succeeded (its day is not marked synced: only the night does that).</summary>
    public Task CompleteDateAsync(
        Guid runId, long fencingToken, string programId, DateOnly date, bool dryRun, Checkpoint next, RunReport report, CancellationToken cancellationToken) =>
        UpdateAsync(runId, fencingToken, next, report, PassStatus.Succeeded, null, cancellationToken);

    private async Task UpdateAsync(
        Guid passId, long fencingToken, Checkpoint? checkpoint, RunReport report, string? status, string? reason, CancellationToken cancellationToken,
        IReadOnlyList<RejectedElement>? rejected = null)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE dispatch.intraday_passes SET report = @report, checkpoint = coalesce(@checkpoint, checkpoint)
                {(status is null ? "" : ", status = @status, reason = @reason, finished_at = @now")}
            WHERE pass_id = @id AND fencing_token = @token
            """, connection, transaction);
        var parameters = command.Parameters;
        parameters.AddWithValue("id", passId);
        parameters.AddWithValue("token", fencingToken);
        parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(report, Json) });
        parameters.Add(new NpgsqlParameter("checkpoint", NpgsqlDbType.Jsonb)
        {
            Value = checkpoint is null ? DBNull.Value : JsonSerializer.Serialize(checkpoint, Json),
        });
        if (status is not null)
        {
            parameters.AddWithValue("status", status);
            parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
            parameters.AddWithValue("now", time.GetUtcNow());
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new LeaseLostException(passId);
        }

        await RejectedRows.InsertAsync(connection, transaction, passId, rejected ?? [], time.GetUtcNow(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<PassRow?> ReadOneAsync(string where, string programId, DateOnly? date, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM dispatch.intraday_passes {where}");
        command.Parameters.AddWithValue("program", programId);
        if (date is { } day)
        {
            command.Parameters.AddWithValue("date", day);
        }

        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<PassRow>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<PassRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var window = new PassWindow(
                reader.GetFieldValue<DateOnly>(reader.GetOrdinal("business_date")),
                reader.IsDBNull(reader.GetOrdinal("from_horizon")) ? null : (ulong)reader.GetDecimal(reader.GetOrdinal("from_horizon")),
                reader.IsDBNull(reader.GetOrdinal("since")) ? null : reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("since")),
                (ulong)reader.GetDecimal(reader.GetOrdinal("to_horizon")),
                reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("cut_off")));
            var checkpoint = reader.GetOrdinal("checkpoint");
            var reason = reader.GetOrdinal("reason");
            rows.Add(new PassRow(
                reader.GetGuid(reader.GetOrdinal("pass_id")), reader.GetString(reader.GetOrdinal("program_id")), window,
                reader.GetString(reader.GetOrdinal("status")), reader.IsDBNull(reason) ? null : reader.GetString(reason),
                reader.IsDBNull(checkpoint) ? null : JsonSerializer.Deserialize<Checkpoint>(reader.GetString(checkpoint), Json),
                JsonSerializer.Deserialize<RunReport>(reader.GetString(reader.GetOrdinal("report")), Json) ?? new RunReport()));
        }

        return rows;
    }
}

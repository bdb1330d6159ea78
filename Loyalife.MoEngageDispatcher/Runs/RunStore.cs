using System.Text.Json;
using Loyalife.MoEngageDispatcher.MoEngage;
using Loyalife.MoEngageDispatcher.Sources;
using Npgsql;
using NpgsqlTypes;

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Run history, reports and checkpoints in PostgreSQL. Every write a runner makes after claiming a run is
/// conditional on its fencing token, so a runner whose lease lapsed cannot overwrite its successor.
/// </summary>
public sealed class RunStore(NpgsqlDataSource database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Columns = """
        run_id, program_id, from_date, to_date, trigger, dry_run, status, reason, requested_at, started_at,
        finished_at, attempts, checkpoint_date, checkpoint_phase, checkpoint_cursor, checkpoint_offset, trace_parent, report
        """;

    /// <summary>
    /// Records a new pending run. With <paramref name="onlyIfIdle"/>, answers null instead when the program
    /// already has a pending or running run (checked and inserted under a per-program transaction lock).
    /// </summary>
    public async Task<SyncRun?> CreateRunAsync(
        string programId, DateOnly from, DateOnly to, string trigger, bool dryRun, string? traceParent, bool onlyIfIdle,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockProgram = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('dispatch.run:' || @p))", connection, transaction))
        {
            lockProgram.Parameters.AddWithValue("p", programId);
            await lockProgram.ExecuteNonQueryAsync(cancellationToken);
        }

        if (onlyIfIdle)
        {
            await using var busy = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM dispatch.sync_runs WHERE program_id = @p AND status IN ('pending', 'running', 'held'))",
                connection, transaction);
            busy.Parameters.AddWithValue("p", programId);
            if ((bool)(await busy.ExecuteScalarAsync(cancellationToken))!)
            {
                return null;
            }
        }

        var run = new SyncRun(Guid.CreateVersion7(), programId, from, to, trigger, dryRun, RunStatus.Pending, null,
            Truncate(time.GetUtcNow()), null, null, 0, null, traceParent, new RunReport());
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO dispatch.sync_runs (run_id, program_id, from_date, to_date, trigger, dry_run, status, requested_at, trace_parent, report)
            VALUES (@id, @p, @from, @to, @trigger, @dry, 'pending', @at, @trace, @report)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("id", run.RunId);
            insert.Parameters.AddWithValue("p", programId);
            insert.Parameters.AddWithValue("from", from);
            insert.Parameters.AddWithValue("to", to);
            insert.Parameters.AddWithValue("trigger", trigger);
            insert.Parameters.AddWithValue("dry", dryRun);
            insert.Parameters.AddWithValue("at", run.RequestedAt);
            insert.Parameters.AddWithValue("trace", (object?)traceParent ?? DBNull.Value);
            insert.Parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = Serialize(run.Report) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    public async Task<SyncRun?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM dispatch.sync_runs WHERE run_id = @id");
        command.Parameters.AddWithValue("id", runId);
        return (await ReadRunsAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<SyncRun>> ListRunsAsync(string programId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT {Columns} FROM dispatch.sync_runs WHERE program_id = @p ORDER BY requested_at DESC, run_id DESC LIMIT @limit");
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadRunsAsync(command, cancellationToken);
    }

    /// <summary>
    /// The oldest run of the program that should run now: pending or interrupted ones, and failed ones
    /// requested since <paramref name="retryHorizon"/> (a failed run is retried on the next tick).
    /// </summary>
    public async Task<SyncRun?> NextRunnableAsync(
        string programId, DateTimeOffset retryHorizon, IReadOnlyCollection<Guid> exclude, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT {Columns} FROM dispatch.sync_runs
            WHERE program_id = @p AND NOT (run_id = ANY(@exclude))
              AND (status IN ('pending', 'running') OR (status = 'failed' AND NOT dry_run AND requested_at >= @horizon))
            ORDER BY requested_at, run_id LIMIT 1
            """);
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("exclude", exclude.ToArray());
        command.Parameters.AddWithValue("horizon", retryHorizon);
        return (await ReadRunsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Programs with runs (or verifications) a restarted dispatcher should pick up without waiting for a tick.</summary>
    public async Task<IReadOnlyList<string>> ProgramsWithUnfinishedRunsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT program_id FROM dispatch.sync_runs WHERE status IN ('pending', 'running') UNION SELECT program_id FROM dispatch.pending_verifications");
        var programs = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            programs.Add(reader.GetString(0));
        }

        return programs;
    }

    public async Task<IReadOnlySet<DateOnly>> SyncedDaysAsync(string programId, DateOnly since, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT business_date FROM dispatch.synced_days WHERE program_id = @p AND business_date >= @since");
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("since", since);
        var days = new HashSet<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return days;
    }

    public async Task<long> NextFencingTokenAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT nextval('dispatch.fencing_tokens')");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Takes the run over with a fencing token newer than any earlier holder's, marking it running. Answers
    /// the run as stored (its checkpoint and report are where a resumed run continues), or null when a
    /// newer holder already has it.
    /// </summary>
    public async Task<SyncRun?> ClaimAsync(Guid runId, long fencingToken, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            UPDATE dispatch.sync_runs SET status = 'running', reason = NULL, fencing_token = @token,
                   attempts = attempts + 1, started_at = coalesce(started_at, @now), finished_at = NULL
            WHERE run_id = @id AND fencing_token < @token AND status <> 'succeeded'
            RETURNING {Columns}
            """);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("token", fencingToken);
        command.Parameters.AddWithValue("now", Truncate(time.GetUtcNow()));
        return (await ReadRunsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Saves the checkpoint, the report and any rejected elements together, or throws if the lease was lost.</summary>
    public async Task SaveProgressAsync(
        Guid runId, long fencingToken, Checkpoint checkpoint, RunReport report, IReadOnlyList<RejectedElement> rejected,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpdateAsync(connection, transaction, runId, fencingToken, checkpoint, report, null, null, cancellationToken);
        await InsertRejectedAsync(connection, transaction, runId, rejected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Marks a date synced (unless dry) and moves the checkpoint to <paramref name="next"/>, atomically.</summary>
    public async Task CompleteDateAsync(
        Guid runId, long fencingToken, string programId, DateOnly date, bool dryRun, Checkpoint next, RunReport report,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpdateAsync(connection, transaction, runId, fencingToken, next, report, null, null, cancellationToken);
        if (!dryRun)
        {
            await using var synced = new NpgsqlCommand("""
                INSERT INTO dispatch.synced_days (program_id, business_date, run_id, synced_at) VALUES (@p, @d, @id, @at)
                ON CONFLICT (program_id, business_date) DO UPDATE SET run_id = excluded.run_id, synced_at = excluded.synced_at
                """, connection, transaction);
            synced.Parameters.AddWithValue("p", programId);
            synced.Parameters.AddWithValue("d", date);
            synced.Parameters.AddWithValue("id", runId);
            synced.Parameters.AddWithValue("at", Truncate(time.GetUtcNow()));
            await synced.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Saves the report alone (what is in flight before a body is sent), or throws if the lease was lost.</summary>
    public async Task SaveReportAsync(Guid runId, long fencingToken, RunReport report, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await UpdateAsync(connection, null, runId, fencingToken, null, report, null, null, cancellationToken);
    }

    public async Task FinishAsync(
        Guid runId, long fencingToken, string status, string? reason, RunReport report, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await UpdateAsync(connection, null, runId, fencingToken, null, report, status, reason, cancellationToken);
    }

    public async Task<IReadOnlyList<RejectedElement>> RejectedAsync(Guid runId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT business_date, kind, status, answer, element FROM dispatch.rejected_elements WHERE run_id = @id ORDER BY id LIMIT @limit");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("limit", limit);
        var rejected = new List<RejectedElement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rejected.Add(new RejectedElement(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetInt32(2),
                reader.GetString(3), reader.GetString(4)));
        }

        return rejected;
    }

    private async Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid runId, long fencingToken, Checkpoint? checkpoint,
        RunReport report, string? status, string? reason, CancellationToken cancellationToken)
    {
        var sets = "report = @report";
        if (checkpoint is not null)
        {
            sets += ", checkpoint_date = @date, checkpoint_phase = @phase, checkpoint_cursor = @cursor, checkpoint_offset = @offset";
        }

        if (status is not null)
        {
            sets += ", status = @status, reason = @reason, finished_at = @now";
        }

        await using var command = new NpgsqlCommand(
            $"UPDATE dispatch.sync_runs SET {sets} WHERE run_id = @id AND fencing_token = @token", connection, transaction);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("token", fencingToken);
        command.Parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = Serialize(report) });
        if (checkpoint is not null)
        {
            command.Parameters.AddWithValue("date", checkpoint.Date);
            command.Parameters.AddWithValue("phase", checkpoint.Phase == SnapshotKind.Members ? "members" : "events");
            command.Parameters.AddWithValue("cursor", (object?)checkpoint.Position.PageCursor ?? DBNull.Value);
            command.Parameters.AddWithValue("offset", checkpoint.Position.Offset);
        }

        if (status is not null)
        {
            command.Parameters.AddWithValue("status", status);
            command.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
            command.Parameters.AddWithValue("now", Truncate(time.GetUtcNow()));
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new LeaseLostException(runId);
        }
    }

    private async Task InsertRejectedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, IReadOnlyList<RejectedElement> rejected,
        CancellationToken cancellationToken)
    {
        if (rejected.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var element in rejected)
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO dispatch.rejected_elements (run_id, business_date, kind, status, answer, element, recorded_at)
                    VALUES (@id, @d, @kind, @status, @answer, @element, @at)
                    """);
                command.Parameters.AddWithValue("id", runId);
                command.Parameters.AddWithValue("d", element.BusinessDate);
                command.Parameters.AddWithValue("kind", element.Kind);
                command.Parameters.AddWithValue("status", element.Status);
                command.Parameters.AddWithValue("answer", element.Answer);
                command.Parameters.AddWithValue("element", element.Element);
                command.Parameters.AddWithValue("at", Truncate(time.GetUtcNow()));
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<List<SyncRun>> ReadRunsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<SyncRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Checkpoint? checkpoint = reader.IsDBNull(12)
                ? null
                : new Checkpoint(
                    reader.GetFieldValue<DateOnly>(12),
                    reader.GetString(13) == "members" ? SnapshotKind.Members : SnapshotKind.Events,
                    new StreamPosition(reader.IsDBNull(14) ? null : reader.GetString(14), reader.GetInt32(15)));
            runs.Add(new SyncRun(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4), reader.GetBoolean(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetInt32(11), checkpoint, reader.IsDBNull(16) ? null : reader.GetString(16),
                JsonSerializer.Deserialize<RunReport>(reader.GetString(17), Json)!));
        }

        return runs;
    }

    private static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Json);

    // PostgreSQL keeps microseconds; trimming here makes what we hand out equal to what we read back.
    private static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);
}

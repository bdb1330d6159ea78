namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Runs as records in PostgreSQL: created, listed, found for the scheduler, and the days synced. What the
/// runner holding a run writes into it is <see cref="FencedRunStore"/>.
/// </summary>
public sealed class RunStore(NpgsqlDataSource database, TimeProvider time)
{
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
        await transaction.LockAsync($"dispatch.run:{programId}", cancellationToken);

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
            RunRows.Truncate(time.GetUtcNow()), null, null, 0, null, traceParent, new RunReport());
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
            insert.Parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = RunRows.Serialize(run.Report) });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    public async Task<SyncRun?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"SELECT {RunRows.Columns} FROM dispatch.sync_runs WHERE run_id = @id");
        command.Parameters.AddWithValue("id", runId);
        return (await RunRows.ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<SyncRun>> ListRunsAsync(string programId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT {RunRows.Columns} FROM dispatch.sync_runs WHERE program_id = @p ORDER BY requested_at DESC, run_id DESC LIMIT @limit");
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("limit", limit);
        return await RunRows.ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// The oldest run of the program that should run now: pending or interrupted ones, and failed ones
    /// requested since <paramref name="retryHorizon"/> (a failed run is retried on the next tick).
    /// </summary>
    public async Task<SyncRun?> NextRunnableAsync(
        string programId, DateTimeOffset retryHorizon, IReadOnlyCollection<Guid> exclude, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT {RunRows.Columns} FROM dispatch.sync_runs
            WHERE program_id = @p AND NOT (run_id = ANY(@exclude))
              AND (status IN ('pending', 'running') OR (status = 'failed' AND NOT dry_run AND requested_at >= @horizon))
            ORDER BY requested_at, run_id LIMIT 1
            """);
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("exclude", exclude.ToArray());
        command.Parameters.AddWithValue("horizon", retryHorizon);
        return (await RunRows.ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Programs with runs (or verifications) a restarted dispatcher should pick up without waiting for a tick.</summary>
    public async Task<IReadOnlyList<string>> ProgramsWithUnfinishedRunsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT program_id FROM dispatch.sync_runs WHERE status IN ('pending', 'running') UNION SELECT program_id FROM dispatch.pending_verifications");
        return await command.ReadAllAsync(reader => reader.GetString(reader.GetOrdinal("program_id")), cancellationToken);
    }

    public async Task<IReadOnlySet<DateOnly>> SyncedDaysAsync(string programId, DateOnly since, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT business_date FROM dispatch.synced_days WHERE program_id = @p AND business_date >= @since");
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("since", since);
        return (await command.ReadAllAsync(reader => reader.GetFieldValue<DateOnly>(reader.GetOrdinal("business_date")), cancellationToken)).ToHashSet();
    }

    public async Task<IReadOnlyList<RejectedElement>> RejectedAsync(Guid runId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT business_date, kind, status, answer, element FROM dispatch.rejected_elements WHERE run_id = @id ORDER BY id LIMIT @limit");
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("limit", limit);
        return await command.ReadAllAsync(reader => new RejectedElement(
            reader.GetFieldValue<DateOnly>(reader.GetOrdinal("business_date")), reader.GetString(reader.GetOrdinal("kind")),
            reader.GetInt32(reader.GetOrdinal("status")), reader.GetString(reader.GetOrdinal("answer")),
            reader.GetString(reader.GetOrdinal("element"))), cancellationToken);
    }
}

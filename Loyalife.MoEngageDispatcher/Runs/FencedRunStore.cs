namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// What the runner holding a run writes into it: its claim, checkpoints, report and end. Every write after
/// the claim is conditional on the runner's fencing token, so a runner whose lease lapsed cannot overwrite
/// its successor (it gets <see cref="LeaseLostException"/>).
/// </summary>
public sealed class FencedRunStore(NpgsqlDataSource database, TimeProvider time) : IProgressStore
{
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
            RETURNING {RunRows.Columns}
            """);
        command.Parameters.AddWithValue("id", runId);
        command.Parameters.AddWithValue("token", fencingToken);
        command.Parameters.AddWithValue("now", RunRows.Truncate(time.GetUtcNow()));
        return (await RunRows.ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>Saves the checkpoint, the report and any rejected elements together, or throws if the lease was lost.</summary>
    public async Task SaveProgressAsync(
        Guid runId, long fencingToken, Checkpoint checkpoint, RunReport report, IReadOnlyList<RejectedElement> rejected,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await UpdateAsync(connection, transaction, runId, fencingToken, checkpoint, report, null, null, cancellationToken);
        await RejectedRows.InsertAsync(connection, transaction, runId, rejected, RunRows.Truncate(time.GetUtcNow()), cancellationToken);
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
            synced.Parameters.AddWithValue("at", RunRows.Truncate(time.GetUtcNow()));
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
        command.Parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = RunRows.Serialize(report) });
        if (checkpoint is not null)
        {
            command.Parameters.AddWithValue("date", checkpoint.Date);
            command.Parameters.AddWithValue("phase", RunRows.PhaseText(checkpoint.Phase));
            command.Parameters.AddWithValue("cursor", (object?)checkpoint.Position.PageCursor ?? DBNull.Value);
            command.Parameters.AddWithValue("offset", checkpoint.Position.Offset);
        }

        if (status is not null)
        {
            command.Parameters.AddWithValue("status", status);
            command.Parameters.AddWithValue("reason", (object?)reason ?? DBNull.Value);
            command.Parameters.AddWithValue("now", RunRows.Truncate(time.GetUtcNow()));
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new LeaseLostException(runId);
        }
    }
}

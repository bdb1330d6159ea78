namespace Loyalife.MoEngageDispatcher.Verification;

/// <summary>Verifications waiting for their time, and their results written into the run's report.</summary>
public sealed class VerificationStore(NpgsqlDataSource database)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ScheduleAsync(PendingVerification pending, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO dispatch.pending_verifications (run_id, program_id, business_date, due_at) VALUES (@id, @p, @d, @due)
            ON CONFLICT (run_id) DO UPDATE SET business_date = excluded.business_date, due_at = excluded.due_at
            """);
        command.Parameters.AddWithValue("id", pending.RunId);
        command.Parameters.AddWithValue("p", pending.ProgramId);
        command.Parameters.AddWithValue("d", pending.BusinessDate);
        command.Parameters.AddWithValue("due", pending.DueAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The program's verifications of succeeded runs, oldest due first; only those due by <paramref name="now"/> unless null.</summary>
    public async Task<IReadOnlyList<PendingVerification>> PendingAsync(string programId, DateTimeOffset? now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT v.run_id, v.program_id, v.business_date, v.due_at FROM dispatch.pending_verifications v
            JOIN dispatch.sync_runs r ON r.run_id = v.run_id AND r.status = 'succeeded'
            WHERE v.program_id = @p AND (@now::timestamptz IS NULL OR v.due_at <= @now::timestamptz)
            ORDER BY v.due_at
            """);
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, (object?)now ?? DBNull.Value);
        return await command.ReadRowsAsync<PendingVerification>(reader =>
        {
            int runId = reader.GetOrdinal("run_id"), programId = reader.GetOrdinal("program_id"), date = reader.GetOrdinal("business_date"),
                dueAt = reader.GetOrdinal("due_at");
            return () => new PendingVerification(reader.GetGuid(runId), reader.GetString(programId), reader.GetFieldValue<DateOnly>(date),
                reader.GetFieldValue<DateTimeOffset>(dueAt));
        }, cancellationToken);
    }

    /// <summary>Writes the result into the run's report and drops the pending row, together.</summary>
    public async Task CompleteAsync(Guid runId, VerificationResult result, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand(
            "UPDATE dispatch.sync_runs SET report = jsonb_set(report, '{verification}', @v) WHERE run_id = @id", connection, transaction))
        {
            update.Parameters.AddWithValue("id", runId);
            update.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(result, Json) });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM dispatch.pending_verifications WHERE run_id = @id", connection, transaction))
        {
            delete.Parameters.AddWithValue("id", runId);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}

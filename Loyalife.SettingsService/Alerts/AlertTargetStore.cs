using NpgsqlTypes;

namespace Loyalife.SettingsService.Alerts;

/// <summary>Programs' webhooks in PostgreSQL; additions are counted under a per-program lock, so the limit holds.</summary>
public sealed class AlertTargetStore(NpgsqlDataSource db)
{
    private const string Columns = "target_id, program_id, url, secret_name, created_at, created_by";

    public async Task<IReadOnlyList<AlertTargetRow>> ListAsync(string programId, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM settings.alert_targets WHERE program_id = @program_id ORDER BY created_at, target_id");
        command.Parameters.AddWithValue("program_id", programId);
        return await command.ReadRowsAsync(RowColumns, ct);
    }

    /// <returns>False when the program has <paramref name="max"/> targets already.</returns>
    public async Task<bool> AddAsync(AlertTargetRow row, int max, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await transaction.LockAsync($"loyalife.settings.alerts/{row.ProgramId}", ct);

        await using var insert = new NpgsqlCommand($"""
            INSERT INTO settings.alert_targets ({Columns}) SELECT @target_id, @program_id, @url, @secret_name, @created_at, @created_by
            WHERE (SELECT count(*) FROM settings.alert_targets WHERE program_id = @program_id) < @max
            """, connection, transaction);
        insert.Parameters.AddWithValue("target_id", row.TargetId);
        insert.Parameters.AddWithValue("program_id", row.ProgramId);
        insert.Parameters.AddWithValue("url", row.Url);
        insert.Parameters.AddWithValue("secret_name", NpgsqlDbType.Text, (object?)row.SecretName ?? DBNull.Value);
        insert.Parameters.AddWithValue("created_at", row.CreatedAt);
        insert.Parameters.AddWithValue("created_by", row.CreatedBy);
        insert.Parameters.AddWithValue("max", (long)max);
        var added = await insert.ExecuteNonQueryAsync(ct) == 1;
        await transaction.CommitAsync(ct);
        return added;
    }

    /// <returns>The removed row (its secret is the caller's to delete), or null when the program has no such target.</returns>
    public async Task<AlertTargetRow?> DeleteAsync(string programId, Guid targetId, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"DELETE FROM settings.alert_targets WHERE program_id = @program_id AND target_id = @target_id RETURNING {Columns}");
        command.Parameters.AddWithValue("program_id", programId);
        command.Parameters.AddWithValue("target_id", targetId);
        return await command.ReadRowAsync(RowColumns, ct);
    }

    /// <summary>Reads <see cref="Columns"/> by name, each looked up once per reader.</summary>
    private static Func<AlertTargetRow> RowColumns(NpgsqlDataReader reader)
    {
        int targetId = reader.GetOrdinal("target_id"), programId = reader.GetOrdinal("program_id"), url = reader.GetOrdinal("url"),
            secretName = reader.GetOrdinal("secret_name"), createdAt = reader.GetOrdinal("created_at"), createdBy = reader.GetOrdinal("created_by");
        return () => new AlertTargetRow(reader.GetGuid(targetId), reader.GetString(programId), reader.GetString(url),
            reader.IsDBNull(secretName) ? null : reader.GetString(secretName), reader.GetFieldValue<DateTimeOffset>(createdAt), reader.GetString(createdBy));
    }
}

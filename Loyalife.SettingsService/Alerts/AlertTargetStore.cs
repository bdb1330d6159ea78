using System.Data.Common;
using NpgsqlTypes;

namespace Loyalife.SettingsService.Alerts;

/// <summary>Programs' webhooks in PostgreSQL; additions are counted under a per-program lock, so the limit holds.</summary>
public sealed class AlertTargetStore(NpgsqlDataSource db)
{
    private const string Columns = "target_id, program_id, url, secret_name, created_at, created_by";

    public async Task<IReadOnlyList<AlertTargetRow>> ListAsync(string programId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM settings.alert_targets WHERE program_id = $1 ORDER BY created_at, target_id");
        command.Parameters.Add(new NpgsqlParameter { Value = programId });
        return await command.ReadAllAsync(reader => Read(reader), ct);
    }

    /// <returns>False when the program has <paramref name="max"/> targets already.</returns>
    public async Task<bool> AddAsync(AlertTargetRow row, int max, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await transaction.LockAsync($"loyalife.settings.alerts/{row.ProgramId}", ct);

        await using var insert = new NpgsqlCommand($"""
            INSERT INTO settings.alert_targets ({Columns}) SELECT $1, $2, $3, $4, $5, $6
            WHERE (SELECT count(*) FROM settings.alert_targets WHERE program_id = $2) < $7
            """, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = row.TargetId });
        insert.Parameters.Add(new NpgsqlParameter { Value = row.ProgramId });
        insert.Parameters.Add(new NpgsqlParameter { Value = row.Url });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)row.SecretName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = row.CreatedAt });
        insert.Parameters.Add(new NpgsqlParameter { Value = row.CreatedBy });
        insert.Parameters.Add(new NpgsqlParameter { Value = (long)max });
        var added = await insert.ExecuteNonQueryAsync(ct) == 1;
        await transaction.CommitAsync(ct);
        return added;
    }

    /// <returns>The removed row (its secret is the caller's to delete), or null when the program has no such target.</returns>
    public async Task<AlertTargetRow?> DeleteAsync(string programId, Guid targetId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"DELETE FROM settings.alert_targets WHERE program_id = $1 AND target_id = $2 RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter { Value = programId });
        command.Parameters.Add(new NpgsqlParameter { Value = targetId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static AlertTargetRow Read(DbDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetFieldValue<DateTimeOffset>(4), reader.GetString(5));
}

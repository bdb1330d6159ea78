using System.Data.Common;
using NpgsqlTypes;

namespace Loyalife.SettingsService.Settings;

/// <summary>
/// Non-secret settings and the audit trail. Every change runs under a per-program advisory lock, so
/// concurrent saves apply one after the other (last committed wins) and each sees the row the previous left.
/// </summary>
public sealed class SettingsStore(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns = "program_id, enabled, app_id, dashboard_url, data_center, secret_name, attribute_names, unknown_members, "
        + "get_user_available, workspace_name, verified_at, created_at, updated_at, updated_by";

    public async Task<SettingsRow?> GetAsync(string programId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM settings.moengage_integrations WHERE program_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = programId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<SettingsRow>> ListAsync(bool enabledOnly, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM settings.moengage_integrations {(enabledOnly ? "WHERE enabled" : "")} ORDER BY program_id");
        return await command.ReadAllAsync(reader => Read(reader), ct);
    }

    /// <summary>
    /// Creates or replaces the row. With <paramref name="newSecretName"/> null the key stays the one the row
    /// holds at commit time (not the one read before), so the row never points at a secret already removed.
    /// </summary>
    /// <returns>The saved row and the secret the row no longer references (to delete), or null when there was no row to keep a key from.</returns>
    public async Task<(SettingsRow Saved, string? ReplacedSecret, bool Created)?> SaveAsync(
        SettingsRow proposed, string? newSecretName, string actor, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await transaction.LockAsync($"loyalife.settings.moengage/{proposed.ProgramId}", ct);
        var previous = await GetForUpdateAsync(connection, proposed.ProgramId, ct);
        if (newSecretName is null && previous is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var saved = proposed with
        {
            SecretName = newSecretName ?? previous!.SecretName,
            // Not asked this time (say, switching the integration off): what the last check found still holds.
            GetUserAvailable = proposed.GetUserAvailable ?? previous?.GetUserAvailable,
            WorkspaceName = proposed.WorkspaceName ?? previous?.WorkspaceName,
            VerifiedAt = proposed.VerifiedAt ?? previous?.VerifiedAt,
            CreatedAt = previous?.CreatedAt ?? now,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO settings.moengage_integrations ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (program_id) DO UPDATE SET enabled = $2, app_id = $3, dashboard_url = $4, data_center = $5, secret_name = $6,
                attribute_names = $7, unknown_members = $8, get_user_available = $9, workspace_name = $10, verified_at = $11,
                updated_at = $13, updated_by = $14
            """, connection, transaction))
        {
            AddRowParameters(upsert, saved);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await AppendAuditAsync(connection, saved.ProgramId, actor, previous is null ? "created" : "updated",
            AuditChanges.Between(previous, saved, keyReplaced: newSecretName is not null), now, ct);
        await transaction.CommitAsync(ct);
        var replaced = previous is not null && previous.SecretName != saved.SecretName ? previous.SecretName : null;
        return (saved, replaced, previous is null);
    }

    /// <returns>The removed row (its secret is the caller's to delete), or null when there was none.</returns>
    public async Task<SettingsRow?> DeleteAsync(string programId, string actor, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await transaction.LockAsync($"loyalife.settings.moengage/{programId}", ct);
        var previous = await GetForUpdateAsync(connection, programId, ct);
        if (previous is null)
        {
            return null;
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM settings.moengage_integrations WHERE program_id = $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = programId });
            await delete.ExecuteNonQueryAsync(ct);
        }

        await AppendAuditAsync(connection, programId, actor, "deleted", AuditChanges.Between(previous, null, keyReplaced: true), clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return previous;
    }

    public async Task RecordVerificationAsync(string programId, string actor, bool verified, object details, string? workspaceName, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        if (verified)
        {
            await using var update = new NpgsqlCommand(
                "UPDATE settings.moengage_integrations SET verified_at = $2, workspace_name = coalesce($3, workspace_name) WHERE program_id = $1",
                connection, transaction);
            update.Parameters.Add(new NpgsqlParameter { Value = programId });
            update.Parameters.Add(new NpgsqlParameter { Value = now });
            update.Parameters.Add(new NpgsqlParameter { Value = (object?)workspaceName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await update.ExecuteNonQueryAsync(ct);
        }

        await AppendAuditAsync(connection, programId, actor, verified ? "verified" : "verification-failed", details, now, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>An admin's decision outside the settings themselves (a held run released or skipped), in the same trail.</summary>
    public async Task RecordAdminActionAsync(string programId, string actor, string action, object details, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await AppendAuditAsync(connection, programId, actor, action, details, clock.GetUtcNow(), ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string programId, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT audit_id, program_id, occurred_at, actor, action, changes::text FROM settings.moengage_audit
            WHERE program_id = $1 ORDER BY audit_id DESC LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = programId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await command.ReadAllAsync(reader => new AuditEntry(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3), reader.GetString(4), JsonDocument.Parse(reader.GetString(5)).RootElement.Clone()), ct);
    }

    private static async Task<SettingsRow?> GetForUpdateAsync(NpgsqlConnection connection, string programId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM settings.moengage_integrations WHERE program_id = $1 FOR UPDATE", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = programId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static async Task AppendAuditAsync(NpgsqlConnection connection, string programId, string actor, string action, object changes, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO settings.moengage_audit (program_id, occurred_at, actor, action, changes) VALUES ($1, $2, $3, $4, $5)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = programId });
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        command.Parameters.Add(new NpgsqlParameter { Value = actor });
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(changes, JsonSerializerOptions.Web), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddRowParameters(NpgsqlCommand command, SettingsRow row)
    {
        object[] values = [row.ProgramId, row.Enabled, row.AppId, row.DashboardUrl, row.DataCenter, row.SecretName];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(row.AttributeNames), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = row.UnknownMembers });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.GetUserAvailable ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.WorkspaceName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)row.VerifiedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = row.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = row.UpdatedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = row.UpdatedBy });
    }

    private static SettingsRow Read(DbDataReader reader) => new(
        reader.GetString(0), reader.GetBoolean(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [],
        reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetBoolean(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
        reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12), reader.GetString(13));
}

using NpgsqlTypes;

namespace Loyalife.SettingsService.Settings;

/// <summary>
/// Non-secret settings and the audit trail. Every change runs under a per-program advisory lock, so
/// concurrent saves apply one after the other (last committed wins) and each sees the row the previous left.
/// </summary>
public sealed class SettingsStore(NpgsqlDataSource db, TimeProvider clock)
{
    private const string Columns = "program_id, enabled, app_id, dashboard_url, data_center, secret_name, attribute_names, unknown_members, "
        + "get_user_available, workspace_name, verified_at, created_at, updated_at, updated_by, intraday_minutes";

    public async Task<SettingsRow?> GetAsync(string programId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM settings.moengage_integrations WHERE program_id = @program_id");
        command.Parameters.AddWithValue("program_id", programId);
        return await command.ReadRowAsync(RowColumns, ct);
    }

    public async Task<IReadOnlyList<SettingsRow>> ListAsync(bool enabledOnly, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"SELECT {Columns} FROM settings.moengage_integrations {(enabledOnly ? "WHERE enabled" : "")} ORDER BY program_id");
        return await command.ReadRowsAsync(RowColumns, ct);
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
            INSERT INTO settings.moengage_integrations ({Columns})
            VALUES (@program_id, @enabled, @app_id, @dashboard_url, @data_center, @secret_name, @attribute_names, @unknown_members,
                @get_user_available, @workspace_name, @verified_at, @created_at, @updated_at, @updated_by, @intraday_minutes)
            ON CONFLICT (program_id) DO UPDATE SET enabled = @enabled, app_id = @app_id, dashboard_url = @dashboard_url,
                data_center = @data_center, secret_name = @secret_name, attribute_names = @attribute_names, unknown_members = @unknown_members,
                get_user_available = @get_user_available, workspace_name = @workspace_name, verified_at = @verified_at,
                updated_at = @updated_at, updated_by = @updated_by, intraday_minutes = @intraday_minutes
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

        await using (var delete = new NpgsqlCommand("DELETE FROM settings.moengage_integrations WHERE program_id = @program_id", connection, transaction))
        {
            delete.Parameters.AddWithValue("program_id", programId);
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
                "UPDATE settings.moengage_integrations SET verified_at = @now, workspace_name = coalesce(@workspace_name, workspace_name) WHERE program_id = @program_id",
                connection, transaction);
            update.Parameters.AddWithValue("program_id", programId);
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("workspace_name", NpgsqlDbType.Text, (object?)workspaceName ?? DBNull.Value);
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
            WHERE program_id = @program_id ORDER BY audit_id DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("program_id", programId);
        command.Parameters.AddWithValue("limit", limit);
        return await command.ReadRowsAsync<AuditEntry>(reader =>
        {
            int id = reader.GetOrdinal("audit_id"), program = reader.GetOrdinal("program_id"), at = reader.GetOrdinal("occurred_at"),
                actor = reader.GetOrdinal("actor"), action = reader.GetOrdinal("action"), changes = reader.GetOrdinal("changes");
            return () => new AuditEntry(reader.GetInt64(id), reader.GetString(program), reader.GetFieldValue<DateTimeOffset>(at),
                reader.GetString(actor), reader.GetString(action), JsonDocument.Parse(reader.GetString(changes)).RootElement.Clone());
        }, ct);
    }

    private static async Task<SettingsRow?> GetForUpdateAsync(NpgsqlConnection connection, string programId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM settings.moengage_integrations WHERE program_id = @program_id FOR UPDATE", connection);
        command.Parameters.AddWithValue("program_id", programId);
        return await command.ReadRowAsync(RowColumns, ct);
    }

    private static async Task AppendAuditAsync(NpgsqlConnection connection, string programId, string actor, string action, object changes, DateTimeOffset at, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO settings.moengage_audit (program_id, occurred_at, actor, action, changes) VALUES (@program_id, @at, @actor, @action, @changes)",
            connection);
        command.Parameters.AddWithValue("program_id", programId);
        command.Parameters.AddWithValue("at", at);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("action", action);
        command.Parameters.AddWithValue("changes", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(changes, JsonSerializerOptions.Web));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddRowParameters(NpgsqlCommand command, SettingsRow row)
    {
        var parameters = command.Parameters;
        parameters.AddWithValue("program_id", row.ProgramId);
        parameters.AddWithValue("enabled", row.Enabled);
        parameters.AddWithValue("app_id", row.AppId);
        parameters.AddWithValue("dashboard_url", row.DashboardUrl);
        parameters.AddWithValue("data_center", row.DataCenter);
        parameters.AddWithValue("secret_name", row.SecretName);
        parameters.AddWithValue("attribute_names", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(row.AttributeNames));
        parameters.AddWithValue("unknown_members", row.UnknownMembers);
        parameters.AddWithValue("get_user_available", NpgsqlDbType.Boolean, (object?)row.GetUserAvailable ?? DBNull.Value);
        parameters.AddWithValue("workspace_name", NpgsqlDbType.Text, (object?)row.WorkspaceName ?? DBNull.Value);
        parameters.AddWithValue("verified_at", NpgsqlDbType.TimestampTz, (object?)row.VerifiedAt ?? DBNull.Value);
        parameters.AddWithValue("created_at", row.CreatedAt);
        parameters.AddWithValue("updated_at", row.UpdatedAt);
        parameters.AddWithValue("updated_by", row.UpdatedBy);
        parameters.AddWithValue("intraday_minutes", NpgsqlDbType.Integer, (object?)row.IntradayMinutes ?? DBNull.Value);
    }

    /// <summary>Reads <see cref="Columns"/> by name, each looked up once per reader.</summary>
    private static Func<SettingsRow> RowColumns(NpgsqlDataReader reader)
    {
        int programId = reader.GetOrdinal("program_id"), enabled = reader.GetOrdinal("enabled"), appId = reader.GetOrdinal("app_id"),
            dashboardUrl = reader.GetOrdinal("dashboard_url"), dataCenter = reader.GetOrdinal("data_center"),
            secretName = reader.GetOrdinal("secret_name"), attributeNames = reader.GetOrdinal("attribute_names"),
            unknownMembers = reader.GetOrdinal("unknown_members"), getUserAvailable = reader.GetOrdinal("get_user_available"),
            workspaceName = reader.GetOrdinal("workspace_name"), verifiedAt = reader.GetOrdinal("verified_at"),
            createdAt = reader.GetOrdinal("created_at"), updatedAt = reader.GetOrdinal("updated_at"), updatedBy = reader.GetOrdinal("updated_by"),
            intradayMinutes = reader.GetOrdinal("intraday_minutes");
        return () => new SettingsRow(
            reader.GetString(programId), reader.GetBoolean(enabled), reader.GetString(appId), reader.GetString(dashboardUrl),
            reader.GetString(dataCenter), reader.GetString(secretName),
            JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(attributeNames)) ?? [],
            reader.GetString(unknownMembers),
            reader.IsDBNull(getUserAvailable) ? null : reader.GetBoolean(getUserAvailable),
            reader.IsDBNull(workspaceName) ? null : reader.GetString(workspaceName),
            reader.IsDBNull(verifiedAt) ? null : reader.GetFieldValue<DateTimeOffset>(verifiedAt),
            reader.GetFieldValue<DateTimeOffset>(createdAt), reader.GetFieldValue<DateTimeOffset>(updatedAt), reader.GetString(updatedBy),
            reader.IsDBNull(intradayMinutes) ? null : reader.GetInt32(intradayMinutes));
    }
}

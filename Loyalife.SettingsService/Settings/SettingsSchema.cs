using Npgsql;

namespace Loyalife.SettingsService.Settings;

/// <summary>Creates the settings schema at start-up; idempotent, and safe when replicas start together.</summary>
public sealed class SettingsSchema(NpgsqlDataSource db, ILogger<SettingsSchema> logger) : IHostedService
{
    private const string Ddl = """
        SELECT pg_advisory_xact_lock(hashtextextended('loyalife.settings.schema', 0));
        CREATE SCHEMA IF NOT EXISTS settings;
        CREATE TABLE IF NOT EXISTS settings.moengage_integrations (
            program_id     text PRIMARY KEY,
            enabled        boolean NOT NULL,
            app_id         text NOT NULL,
            dashboard_url  text NOT NULL,
            data_center    text NOT NULL,
            secret_name    text NOT NULL,   -- where the key is; the key itself never comes here
            api_key_hint   text NOT NULL,   -- at most its last 4 characters, for the masked view
            workspace_name text NULL,
            verified_at    timestamptz NULL,
            created_at     timestamptz NOT NULL,
            updated_at     timestamptz NOT NULL,
            updated_by     text NOT NULL
        );
        CREATE TABLE IF NOT EXISTS settings.moengage_audit (
            audit_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            program_id  text NOT NULL,
            occurred_at timestamptz NOT NULL,
            actor       text NOT NULL,
            action      text NOT NULL,
            changes     jsonb NOT NULL
        );
        CREATE INDEX IF NOT EXISTS moengage_audit_by_program ON settings.moengage_audit (program_id, audit_id DESC);
        CREATE TABLE IF NOT EXISTS settings.alert_targets (
            target_id   uuid PRIMARY KEY,
            program_id  text NOT NULL,
            url         text NOT NULL,
            secret_name text NULL,       -- where the signing secret is; the secret itself never comes here
            created_at  timestamptz NOT NULL,
            created_by  text NOT NULL
        );
        CREATE INDEX IF NOT EXISTS alert_targets_by_program ON settings.alert_targets (program_id, created_at);
        """;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // PostgreSQL may still be starting next to us; give it a little while before giving up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand(Ddl, connection, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException exception) when (exception.IsTransient && attempt < 15)
            {
                logger.LogWarning("PostgreSQL not ready for the settings schema (attempt {Attempt}): {Error}", attempt, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

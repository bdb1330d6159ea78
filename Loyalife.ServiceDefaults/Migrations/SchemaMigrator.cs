using System.Text.RegularExpressions;
using Npgsql;

namespace Loyalife.ServiceDefaults.Migrations;

/// <summary>
/// Brings the one PostgreSQL schema a service owns up to date before the service takes requests.
/// The scripts are the service's embedded <c>Migrations/NNNN_name.sql</c> files (see
/// <see cref="MigrationScript.Load"/>); <c>{schema}.schema_versions</c> records which have run. All pending
/// scripts run in one transaction under an advisory lock, so replicas starting together apply each script
/// once and a failing script leaves the schema as it was. While PostgreSQL is not reachable yet (it may be
/// starting next to us) the attempt is repeated for <see cref="RetryFor"/>.
/// </summary>
/// <remarks>
/// To change a schema, add the next script beside the others, e.g. <c>Settings/Migrations/0002_audit_source.sql</c>
/// holding <c>ALTER TABLE settings.moengage_audit ADD COLUMN source text NULL;</c>. Never edit a script that
/// has shipped: databases that already ran it will not run it again. The project's
/// <c>&lt;EmbeddedResource Include="…\Migrations\*.sql" /&gt;</c> picks the file up; nothing else to register.
/// A script runs inside a transaction, so statements PostgreSQL refuses there (CREATE INDEX CONCURRENTLY,
/// ALTER TYPE … ADD VALUE before PostgreSQL 12) do not belong in one. 0001 creates with <c>IF NOT EXISTS</c>
/// because it adopts databases created before this mechanism existed.
/// </remarks>
public sealed partial class SchemaMigrator(
    NpgsqlDataSource database, string schema, IReadOnlyList<MigrationScript> scripts, TimeProvider time, ILogger<SchemaMigrator> logger)
    : IHostedService
{
    public static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly string schema = SchemaName().IsMatch(schema)
        ? schema
        : throw new ArgumentException($"'{schema}' is not a plain lower-case schema name.", nameof(schema));

    public Task StartAsync(CancellationToken cancellationToken) => MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies every script not yet recorded and answers the versions it applied.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + RetryFor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyPendingAsync(cancellationToken);
            }
            catch (NpgsqlException exception) when (exception.IsTransient && time.GetUtcNow() < giveUpAt)
            {
                logger.LogWarning("PostgreSQL not ready for the {Schema} schema (attempt {Attempt}): {Error}", schema, attempt, exception.Message);
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<int>> ApplyPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var prepare = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock(hashtextextended(@lock, 0));
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_versions (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL);
            """, connection, transaction))
        {
            prepare.Parameters.AddWithValue("lock", "loyalife.migrations:" + schema);
            await prepare.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand($"SELECT version FROM {schema}.schema_versions", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            var version = reader.GetOrdinal("version");
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(version));
            }
        }

        var pending = scripts.Where(script => !applied.Contains(script.Version)).ToList();
        foreach (var script in pending)
        {
            await using (var run = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await run.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var record = new NpgsqlCommand(
                $"INSERT INTO {schema}.schema_versions (version, name, applied_at) VALUES (@version, @name, @at)", connection, transaction);
            record.Parameters.AddWithValue("version", script.Version);
            record.Parameters.AddWithValue("name", script.Name);
            record.Parameters.AddWithValue("at", time.GetUtcNow());
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (pending.Count > 0)
        {
            logger.LogInformation("Schema {Schema} migrated to version {Version} ({Applied} script(s) applied)",
                schema, pending[^1].Version, pending.Count);
        }

        if (applied.Count > 0 && applied.Max() > scripts[^1].Version)
        {
            // An older build running against a newer database (a rollback): its scripts are all there already.
            logger.LogWarning("Schema {Schema} is at version {Database}, newer than this build's {Build}",
                schema, applied.Max(), scripts[^1].Version);
        }

        return pending.Select(script => script.Version).ToList();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SchemaName();
}

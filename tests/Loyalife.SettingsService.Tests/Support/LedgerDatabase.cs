using Npgsql;

namespace Loyalife.SettingsService.Tests.Support;

/// <summary>A fresh database with the one ledger table settings-service reads, and a few programs in it.</summary>
public static class LedgerDatabase
{
    public static async Task<string> CreateAsync()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            CREATE SCHEMA loyalty;
            CREATE TABLE loyalty.programs (program_id text PRIMARY KEY, name text NOT NULL, time_zone text NOT NULL, tiers text[] NOT NULL);
            INSERT INTO loyalty.programs VALUES ('demo', 'Demo', 'Europe/Amsterdam', '{Silver,Gold}');
            """, connection);
        await command.ExecuteNonQueryAsync();
        return connectionString;
    }

    public static async Task AddProgramAsync(string connectionString, string programId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("INSERT INTO loyalty.programs VALUES ($1, $2, 'Europe/Amsterdam', '{Silver,Gold}')", connection);
        command.Parameters.AddWithValue(programId);
        command.Parameters.AddWithValue($"Program {programId}");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of every table outside the system schemas, as text.</summary>
    public static async Task<IReadOnlyList<string>> DumpAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add($"{table}: {reader.GetString(0)}");
            }
        }

        return rows;
    }
}

using Npgsql;

namespace Loyalife.ServiceDefaults.Database;

/// <summary>The two things every store does with PostgreSQL the same way.</summary>
public static class NpgsqlCommands
{
    /// <summary>Every row the command answers, each made by <paramref name="read"/>.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// Takes the transaction-scoped advisory lock named <paramref name="key"/> (e.g. "dispatch.run:demo"), so
    /// replicas doing the same check-then-write for one program take turns; it goes with the transaction.
    /// </summary>
    public static async Task LockAsync(this NpgsqlTransaction transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", transaction.Connection, transaction);
        command.Parameters.AddWithValue("key", key);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

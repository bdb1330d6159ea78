using Npgsql;

namespace Loyalife.ServiceDefaults.Database;

/// <summary>What every store does with PostgreSQL the same way.</summary>
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
    /// Every row the command answers, its columns read by name: <paramref name="columns"/> is called once, before the
    /// first row, to look the columns up, and answers what makes each row (so no row pays for a name lookup).
    /// </summary>
    public static async Task<List<T>> ReadRowsAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, Func<T>> columns, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = columns(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read());
        }

        return rows;
    }

    /// <summary>The command's first row, read as <see cref="ReadRowsAsync{T}"/> reads each, or null when it answers none.</summary>
    public static async Task<T?> ReadRowAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, Func<T>> columns, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? columns(reader)() : null;
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

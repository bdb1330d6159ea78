namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// A connection whose statements run without PostgreSQL's parallel workers, for the summary's counts (and an
/// intraday pass's, counted the same way), which already run side by side on a connection each (docs/ledger.md, "Why the summary's counts run without
/// parallel workers"). The setting lasts until the connection goes back to the pool, which resets it.
/// </summary>
internal static class SerialConnection
{
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var serial = new NpgsqlCommand("SET max_parallel_workers_per_gather = 0", connection);
            await serial.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}

namespace Loyalife.SnapshotService.Intraday;

/// <summary>
/// Where a pass stands now. The horizon is the xmin of the statement's own snapshot: every transaction below it
/// has ended, so the rows it wrote are fixed, and a pass that reads only those pages through the same set however
/// long it takes. A transaction still open holds the horizon back (its rows, and any committed after it began, wait
/// for the pass after it ends), rather than letting a later pass step over rows it has not seen.
/// </summary>
public sealed class HorizonQuery(NpgsqlDataSource dataSource)
{
    public async Task<(ulong Horizon, DateTimeOffset CutOff)> ReadAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, statement_timestamp() AS cut_off");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetFieldValue<DateTimeOffset>(1));
    }
}

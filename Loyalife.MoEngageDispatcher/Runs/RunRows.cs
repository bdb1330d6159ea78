namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>How a row of <c>dispatch.sync_runs</c> is read and written, for both run stores.</summary>
internal static class RunRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Columns = """
        run_id, program_id, from_date, to_date, trigger, dry_run, status, reason, requested_at, started_at,
        finished_at, attempts, checkpoint_date, checkpoint_phase, checkpoint_cursor, checkpoint_offset, trace_parent, report
        """;

    public static async Task<List<SyncRun>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<SyncRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Checkpoint? checkpoint = reader.IsDBNull(12)
                ? null
                : new Checkpoint(
                    reader.GetFieldValue<DateOnly>(12),
                    reader.GetString(13) == "members" ? SnapshotKind.Members : SnapshotKind.Events,
                    new StreamPosition(reader.IsDBNull(14) ? null : reader.GetString(14), reader.GetInt32(15)));
            runs.Add(new SyncRun(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateOnly>(2), reader.GetFieldValue<DateOnly>(3),
                reader.GetString(4), reader.GetBoolean(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10),
                reader.GetInt32(11), checkpoint, reader.IsDBNull(16) ? null : reader.GetString(16),
                JsonSerializer.Deserialize<RunReport>(reader.GetString(17), Json)!));
        }

        return runs;
    }

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Json);

    // PostgreSQL keeps microseconds; trimming here makes what we hand out equal to what we read back.
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);
}

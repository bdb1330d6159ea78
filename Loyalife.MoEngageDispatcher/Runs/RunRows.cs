namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>How a row of <c>dispatch.sync_runs</c> is read and written, for both run stores.</summary>
internal static class RunRows
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Columns = """
        run_id, program_id, from_date, to_date, trigger, dry_run, status, reason, requested_at, started_at,
        finished_at, attempts, checkpoint_date, checkpoint_phase, checkpoint_cursor, checkpoint_offset, trace_parent, report
        """;

    /// <summary>How <see cref="Checkpoint.Phase"/> is stored in <c>checkpoint_phase</c>.</summary>
    public static string PhaseText(SnapshotKind phase) => phase == SnapshotKind.Members ? "members" : "events";

    public static async Task<List<SyncRun>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var runs = new List<SyncRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = new Ordinals(reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs.Add(row.Read(reader));
        }

        return runs;
    }

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, Json);

    // PostgreSQL keeps microseconds; trimming here makes what we hand out equal to what we read back.
    public static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>The columns of <see cref="Columns"/> by name, looked up once per reader.</summary>
    private sealed class Ordinals(NpgsqlDataReader reader)
    {
        private readonly int runId = reader.GetOrdinal("run_id");
        private readonly int programId = reader.GetOrdinal("program_id");
        private readonly int from = reader.GetOrdinal("from_date");
        private readonly int to = reader.GetOrdinal("to_date");
        private readonly int trigger = reader.GetOrdinal("trigger");
        private readonly int dryRun = reader.GetOrdinal("dry_run");
        private readonly int status = reader.GetOrdinal("status");
        private readonly int reason = reader.GetOrdinal("reason");
        private readonly int requestedAt = reader.GetOrdinal("requested_at");
        private readonly int startedAt = reader.GetOrdinal("started_at");
        private readonly int finishedAt = reader.GetOrdinal("finished_at");
        private readonly int attempts = reader.GetOrdinal("attempts");
        private readonly int checkpointDate = reader.GetOrdinal("checkpoint_date");
        private readonly int checkpointPhase = reader.GetOrdinal("checkpoint_phase");
        private readonly int checkpointCursor = reader.GetOrdinal("checkpoint_cursor");
        private readonly int checkpointOffset = reader.GetOrdinal("checkpoint_offset");
        private readonly int traceParent = reader.GetOrdinal("trace_parent");
        private readonly int report = reader.GetOrdinal("report");

        public SyncRun Read(NpgsqlDataReader row)
        {
            Checkpoint? checkpoint = row.IsDBNull(checkpointDate)
                ? null
                : new Checkpoint(
                    row.GetFieldValue<DateOnly>(checkpointDate),
                    row.GetString(checkpointPhase) == PhaseText(SnapshotKind.Members) ? SnapshotKind.Members : SnapshotKind.Events,
                    new StreamPosition(NullableString(row, checkpointCursor), row.GetInt32(checkpointOffset)));
            return new SyncRun(
                row.GetGuid(runId), row.GetString(programId), row.GetFieldValue<DateOnly>(from), row.GetFieldValue<DateOnly>(to),
                row.GetString(trigger), row.GetBoolean(dryRun), row.GetString(status), NullableString(row, reason),
                row.GetFieldValue<DateTimeOffset>(requestedAt),
                row.IsDBNull(startedAt) ? null : row.GetFieldValue<DateTimeOffset>(startedAt),
                row.IsDBNull(finishedAt) ? null : row.GetFieldValue<DateTimeOffset>(finishedAt),
                row.GetInt32(attempts), checkpoint, NullableString(row, traceParent),
                JsonSerializer.Deserialize<RunReport>(row.GetString(report), Json)!);
        }

        private static string? NullableString(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
    }
}

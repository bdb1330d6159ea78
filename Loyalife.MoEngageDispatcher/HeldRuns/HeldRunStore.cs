namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>Held runs in the dispatcher's run history: the nights a day is compared with, and an admin's decision.</summary>
public sealed class HeldRunStore(NpgsqlDataSource database, RunStore runs, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The synced nights before <paramref name="date"/>, newest first: the snapshot figures the run that sent
    /// each night recorded. A night a run did not complete (a skipped one) is not part of the history.
    /// </summary>
    public async Task<IReadOnlyList<NightFigures>> HistoryAsync(string programId, DateOnly date, int nights, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT d.business_date, r.report -> 'days' -> to_char(d.business_date, 'YYYY-MM-DD') AS day_report
            FROM dispatch.synced_days d JOIN dispatch.sync_runs r ON r.run_id = d.run_id
            WHERE d.program_id = @p AND d.business_date < @date
              AND (r.report -> 'days' -> to_char(d.business_date, 'YYYY-MM-DD') ->> 'completed')::boolean IS TRUE
            ORDER BY d.business_date DESC LIMIT @nights
            """);
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("date", date);
        command.Parameters.AddWithValue("nights", nights);
        return await command.ReadRowsAsync<NightFigures>(reader =>
        {
            int date = reader.GetOrdinal("business_date"), dayReport = reader.GetOrdinal("day_report");
            return () =>
            {
                var day = JsonSerializer.Deserialize<DayReport>(reader.GetString(dayReport), Json)!;
                return new NightFigures(reader.GetFieldValue<DateOnly>(date), day.MembersInSnapshot, day.EventsInSnapshot);
            };
        }, cancellationToken);
    }

    /// <summary>Whether the program has a held run: nothing later of it is sent until an admin decides.</summary>
    public async Task<bool> HasHeldRunAsync(string programId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM dispatch.sync_runs WHERE program_id = @p AND status = 'held')");
        command.Parameters.AddWithValue("p", programId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Releases (back to pending, its held day exempt from the rules) or skips (finished; the held day counts
    /// as synced, so catch-up never sends it) a held run of <paramref name="programId"/>.
    /// </summary>
    public async Task<HeldRunDecision> DecideAsync(string programId, Guid runId, bool release, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string status;
        RunReport report;
        await using (var select = new NpgsqlCommand(
            "SELECT status, report FROM dispatch.sync_runs WHERE run_id = @id AND program_id = @p FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("id", runId);
            select.Parameters.AddWithValue("p", programId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return new HeldRunDecision(HeldRunDecisionOutcome.UnknownRun, null);
            }

            status = reader.GetString(reader.GetOrdinal("status"));
            report = JsonSerializer.Deserialize<RunReport>(reader.GetString(reader.GetOrdinal("report")), Json)!;
        }

        if (status != RunStatus.Held || report.Held is not { } held)
        {
            return new HeldRunDecision(HeldRunDecisionOutcome.NotHeld, await runs.GetRunAsync(runId, cancellationToken));
        }

        var now = time.GetUtcNow();
        if (release)
        {
            (held.ReleasedAt, held.ReleasedBy) = (now, actor);
        }
        else
        {
            (held.SkippedAt, held.SkippedBy) = (now, actor);
        }

        await using (var update = new NpgsqlCommand(release
            ? "UPDATE dispatch.sync_runs SET status = 'pending', reason = NULL, finished_at = NULL, report = @report WHERE run_id = @id"
            : "UPDATE dispatch.sync_runs SET status = 'skipped', reason = @reason, finished_at = @now, report = @report WHERE run_id = @id",
            connection, transaction))
        {
            update.Parameters.AddWithValue("id", runId);
            update.Parameters.Add(new NpgsqlParameter("report", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(report, Json) });
            update.Parameters.AddWithValue("reason", $"skipped by {actor}: {held.Summary}");
            update.Parameters.AddWithValue("now", now);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!release)
        {
            await using var synced = new NpgsqlCommand("""
                INSERT INTO dispatch.synced_days (program_id, business_date, run_id, synced_at) VALUES (@p, @d, @id, @now)
                ON CONFLICT (program_id, business_date) DO NOTHING
                """, connection, transaction);
            synced.Parameters.AddWithValue("p", programId);
            synced.Parameters.AddWithValue("d", DateOnly.ParseExact(held.BusinessDate, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            synced.Parameters.AddWithValue("id", runId);
            synced.Parameters.AddWithValue("now", now);
            await synced.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new HeldRunDecision(HeldRunDecisionOutcome.Decided, await runs.GetRunAsync(runId, cancellationToken));
    }
}

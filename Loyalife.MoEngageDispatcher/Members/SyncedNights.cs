namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>
/// The program's last night a run sent: every sendable member's attributes go out each such night, so it is also
/// the last night a sendable member was sent. A skipped held night is in synced_days but was not sent: the run's
/// report for the day must say completed, as the hold rules' history reads it.
/// </summary>
public sealed class SyncedNights(NpgsqlDataSource database)
{
    public async Task<SyncedNight?> LastAsync(string programId, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT d.business_date, d.synced_at, d.run_id
            FROM dispatch.synced_days d JOIN dispatch.sync_runs r ON r.run_id = d.run_id
            WHERE d.program_id = @p AND NOT r.dry_run
              AND (r.report -> 'days' -> to_char(d.business_date, 'YYYY-MM-DD') ->> 'completed')::boolean IS TRUE
            ORDER BY d.business_date DESC LIMIT 1
            """);
        command.Parameters.AddWithValue("p", programId);
        var nights = await command.ReadAllAsync(reader => new SyncedNight(
            reader.GetFieldValue<DateOnly>(reader.GetOrdinal("business_date")),
            reader.GetFieldValue<DateTimeOffset>(reader.GetOrdinal("synced_at")),
            reader.GetGuid(reader.GetOrdinal("run_id"))), cancellationToken);
        return nights.SingleOrDefault();
    }
}

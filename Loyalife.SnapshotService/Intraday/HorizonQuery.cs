using Microsoft.Extensions.Options;

namespace Loyalife.SnapshotService.Intraday;

/// <summary>
/// Where a pass stands now, and how far back the next pass must look (docs/ledger.md, "How far back a pass reads").
/// The horizon is the xmin of a statement's own snapshot: every transaction below it has ended, so the rows it
/// wrote are fixed. The cut-off is the earlier of the database's clock and the start of the oldest transaction
/// that has written (holds an xid), read just before that snapshot: every row of a transaction the horizon does
/// not pass yet is inserted at or after it. So the next pass finds its late rows among those dated from this
/// cut-off less <see cref="IntradayOptions.BackdatingAllowance"/>, a stretch that grows with the rows since the
/// last pass rather than with the day. Seeing other roles' transactions needs pg_read_all_stats; without it the
/// cut-off is the clock and every pass reads the day from its start, exact as before, only slower.
/// </summary>
public sealed class HorizonQuery(NpgsqlDataSource dataSource, IOptions<IntradayOptions> options, ILogger<HorizonQuery> logger)
{
    // 0 until read, then 1 or -1: an int, so that requests reading it at once never see half a write.
    private int seesEveryTransaction;

    /// <summary>The open business day in <paramref name="zone"/>, the cut-off within it and the horizon.</summary>
    public async Task<(DateOnly Date, DateTimeOffset CutOff, ulong Horizon)> ReadAsync(TimeZoneInfo zone, CancellationToken ct)
    {
        var sees = await SeesEveryTransactionAsync(ct);
        await using var batch = dataSource.CreateBatch();
        // A prepared transaction has no session whose start could be read: its rows may be of any age, so no bound.
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            SELECT clock_timestamp(),
                   CASE WHEN EXISTS (SELECT FROM pg_prepared_xacts) THEN '-infinity'::timestamptz
                        ELSE (SELECT min(xact_start) FROM pg_stat_activity WHERE backend_xid IS NOT NULL) END
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())::text"));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var clock = reader.GetFieldValue<DateTimeOffset>(0);
        var oldestWriter = reader.IsDBNull(1) ? DateTime.MaxValue : reader.GetFieldValue<DateTime>(1);
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var horizon = ulong.Parse(reader.GetString(0), CultureInfo.InvariantCulture);

        var day = new BusinessDay(BusinessDay.LocalDate(clock, zone), zone);
        var cutOff = !sees || oldestWriter >= clock.UtcDateTime ? clock
            : oldestWriter <= day.Start.UtcDateTime ? day.Start
            : new DateTimeOffset(oldestWriter, TimeSpan.Zero);
        return (day.Date, cutOff, horizon);
    }

    /// <summary>The earliest instant a row of <paramref name="pass"/> can be dated, given the previous pass's cut-off.</summary>
    public async Task<DateTimeOffset> ReachAsync(PassWindow pass, BusinessDay day, CancellationToken ct)
    {
        if (pass.Since is not { } since || !await SeesEveryTransactionAsync(ct))
        {
            return day.Start;
        }

        var reach = since - options.Value.BackdatingAllowance;
        return reach > day.Start ? reach : day.Start;
    }

    // Read once: a role granted pg_read_all_stats later is seen after a restart.
    private async Task<bool> SeesEveryTransactionAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref seesEveryTransaction) is var known and not 0)
        {
            return known > 0;
        }

        await using var command = dataSource.CreateCommand("SELECT pg_has_role('pg_read_all_stats', 'USAGE')");
        var sees = (bool)(await command.ExecuteScalarAsync(ct))!;
        if (!sees)
        {
            logger.LogWarning("The database role cannot see other sessions' transactions (grant it pg_read_all_stats): every intraday pass reads its day from the start");
        }

        Volatile.Write(ref seesEveryTransaction, sees ? 1 : -1);
        return sees;
    }
}

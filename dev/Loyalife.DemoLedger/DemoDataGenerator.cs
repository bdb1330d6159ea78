using System.Diagnostics;
using Loyalife.DemoLedger.Ledger;
using Loyalife.Domain.BusinessDays;

namespace Loyalife.DemoLedger;

/// <summary>
/// Writes demo programs with ~15 months of member history into the `loyalty` schema through binary
/// COPY. The same seed, member count and day (the UTC date of <paramref name="now"/>'s instant, to the
/// second) give the same ledger; history is relative to <c>now</c> so the latest closed day has activity.
/// </summary>
public sealed class DemoDataGenerator(NpgsqlDataSource dataSource, ILogger logger)
{
    public async Task GenerateAsync(IReadOnlyList<DemoProgram> programs, int membersPerProgram, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await LedgerSchema.CreateAsync(dataSource, ct);
        var fresh = await ScalarAsync("SELECT NOT EXISTS (SELECT 1 FROM loyalty.point_entries)", ct) is true;
        if (fresh)
        {
            await LedgerSchema.DropSecondaryIndexesAsync(dataSource, ct);
        }

        var ids = new IdSequence(
            await NextIdAsync("point_entries", "entry_id", ct), await NextIdAsync("member_status_history", "history_id", ct),
            await NextIdAsync("member_tier_history", "history_id", ct), await NextIdAsync("segment_history", "history_id", ct));
        var nowUtc = new DateTime(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        ulong rows = 0;
        for (var p = 0; p < programs.Count; p++)
        {
            var program = programs[p];
            await InsertProgramAsync(program, ct);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(program.TimeZone);
            var closedDay = new BusinessDay(BusinessDay.LocalDate(nowUtc, zone).AddDays(-1), zone);
            var sink = new LedgerSink(dataSource, ct);
            var history = new MemberHistory(program, new Random(unchecked(seed * 7919 + p)), ids, sink, nowUtc,
                closedDay.Start.UtcDateTime, closedDay.End.UtcDateTime);
            for (var n = 1; n <= membersPerProgram; n++)
            {
                history.Generate(n);
                await sink.FlushIfFullAsync();
            }

            rows += await sink.CompleteAsync();
            logger.LogInformation("Demo program {ProgramId}: {Members} members written ({Elapsed:F1} s so far)", program.ProgramId, membersPerProgram, clock.Elapsed.TotalSeconds);
        }

        // Re-creates the indexes dropped for the load (or is a no-op), then gives the planner statistics
        // and the visibility map that index-only scans need.
        await LedgerSchema.CreateAsync(dataSource, ct);
        await ExecuteAsync("VACUUM ANALYZE loyalty.programs, loyalty.members, loyalty.member_status_history, loyalty.member_tier_history, " +
                           "loyalty.segment_history, loyalty.point_entries, loyalty.point_allocations", ct);
        logger.LogInformation("Demo data: {Programs} programs, {Rows} rows in {Elapsed:F1} s", programs.Count, rows, clock.Elapsed.TotalSeconds);
    }

    private async Task InsertProgramAsync(DemoProgram program, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO loyalty.programs (program_id, name, time_zone, tiers) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = program.ProgramId });
        command.Parameters.Add(new NpgsqlParameter { Value = program.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = program.TimeZone });
        command.Parameters.Add(new NpgsqlParameter { Value = program.Tiers });
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<long> NextIdAsync(string table, string column, CancellationToken ct) =>
        (long)(await ScalarAsync($"SELECT coalesce(max({column}), 0) + 1 FROM loyalty.{table}", ct))!;

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync(ct);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}

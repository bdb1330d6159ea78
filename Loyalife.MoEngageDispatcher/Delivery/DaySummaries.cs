namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>What snapshot-service says a date holds, read once per date of the run and kept in its report.</summary>
internal sealed class DaySummaries(ISnapshotSource snapshots, SyncRun run, RunReport report, CancellationToken stopping)
{
    public async Task<DayReport> ReadAsync(DateOnly date)
    {
        if (report.Days.TryGetValue(Key(date), out var known))
        {
            return known;
        }

        using var activity = DispatcherTelemetry.Source.StartActivity("snapshot summary");
        var summary = await snapshots.GetSummaryAsync(run.ProgramId, date, stopping);
        var day = new DayReport
        {
            MembersInSnapshot = summary.Members,
            MembersSkipped = new(summary.SkippedMembers ?? new Dictionary<string, long>()),
            EventsInSnapshot = new(summary.Events ?? new Dictionary<string, long>()),
        };
        report.Days[Key(date)] = day;
        foreach (var (reason, count) in day.MembersSkipped)
        {
            report.MembersSkipped[reason] = report.MembersSkipped.GetValueOrDefault(reason) + count;
        }

        return day;
    }

    public static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

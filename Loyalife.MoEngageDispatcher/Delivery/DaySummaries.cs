namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>What snapshot-service says a date holds, read once per date of the run and kept in its report.</summary>
internal sealed class DaySummaries(ISnapshotSource snapshots)
{
    public async Task<DayReport> ReadAsync(RunContext context, DateOnly date)
    {
        if (context.Book.Day(date) is { } known)
        {
            return known;
        }

        using var activity = DispatcherTelemetry.Source.StartActivity("snapshot summary");
        var summary = await snapshots.GetSummaryAsync(context.Run.ProgramId, date, context.Stopping);
        return context.Book.AddDay(date, summary);
    }
}

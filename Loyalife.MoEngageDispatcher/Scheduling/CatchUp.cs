namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>Which closed business dates a tick should sync (when a date is closed is <see cref="BusinessDay"/>'s rule).</summary>
public static class CatchUp
{
    /// <summary>
    /// The closed dates of the last <paramref name="maxCatchUpDays"/> days that are not yet synced, oldest
    /// first: last night's date plus the nights a dispatcher outage missed, never further back than the bound.
    /// </summary>
    public static IReadOnlyList<DateOnly> DueDates(
        TimeZoneInfo zone, DateTimeOffset now, int maxCatchUpDays, IReadOnlySet<DateOnly> synced)
    {
        var latest = BusinessDay.LatestClosed(zone, now);
        var due = new List<DateOnly>();
        for (var back = maxCatchUpDays - 1; back >= 0; back--)
        {
            var date = latest.AddDays(-back);
            if (!synced.Contains(date))
            {
                due.Add(date);
            }
        }

        return due;
    }
}

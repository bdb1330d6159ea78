namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>
/// The business day (docs/ledger.md): a business date D runs from the first local instant of D to the
/// first local instant of D+1 in the program's zone, daylight saving included; D is closed once now ≥ that end.
/// </summary>
public static class BusinessCalendar
{
    /// <summary>The first UTC instant whose local date in <paramref name="zone"/> is <paramref name="date"/>.</summary>
    public static DateTimeOffset FirstInstant(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Zones that jump forward at midnight have no local 00:00; the day starts when the gap ends.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // Zones that fall back across midnight see 00:00 twice; the day starts at the earlier of the two.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>T_D: the exclusive end of business date <paramref name="date"/>.</summary>
    public static DateTimeOffset End(DateOnly date, TimeZoneInfo zone) => FirstInstant(date.AddDays(1), zone);

    public static bool IsClosed(DateOnly date, TimeZoneInfo zone, DateTimeOffset now) => now >= End(date, zone);

    /// <summary>The latest closed business date at <paramref name="now"/>.</summary>
    public static DateOnly LatestClosed(TimeZoneInfo zone, DateTimeOffset now)
    {
        var candidate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        while (!IsClosed(candidate, zone, now))
        {
            candidate = candidate.AddDays(-1);
        }

        return candidate;
    }

    /// <summary>
    /// The closed dates of the last <paramref name="maxCatchUpDays"/> days that are not yet synced, oldest
    /// first: last night's date plus the nights a dispatcher outage missed, never further back than the bound.
    /// </summary>
    public static IReadOnlyList<DateOnly> DueDates(
        TimeZoneInfo zone, DateTimeOffset now, int maxCatchUpDays, IReadOnlySet<DateOnly> synced)
    {
        var latest = LatestClosed(zone, now);
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

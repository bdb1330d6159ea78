namespace Loyalife.Domain.BusinessDays;

/// <summary>
/// A program's business date D: from the first instant of local date D in the program's zone to the first
/// instant of D+1 (<see cref="End"/>), daylight saving included, so a day lasts 23, 24 or 25 hours. D is
/// closed from <see cref="End"/> on. The dispatcher (what is due), snapshot-service (what it may answer) and
/// the AppHost all ask this type, so "closed" means the same instant everywhere.
/// </summary>
public sealed record BusinessDay(DateOnly Date, TimeZoneInfo Zone)
{
    /// <summary>
    /// The earliest and latest dates either service accepts: the arithmetic here (day ends, +N days, zone
    /// offsets) overflows near <see cref="DateOnly"/>'s own ends, so a date outside is a bad request.
    /// </summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1);

    /// <inheritdoc cref="MinDate"/>
    public static readonly DateOnly MaxDate = new(9000, 12, 31);

    public DateTimeOffset Start => StartOf(Date, Zone);

    /// <summary>T_D: the exclusive end of the day and the instant snapshots are taken "as of".</summary>
    public DateTimeOffset End => StartOf(Date.AddDays(1), Zone);

    public bool IsClosed(DateTimeOffset now) => now >= End;

    /// <summary>T_D + N calendar days in the program's zone (a 23- or 25-hour day counts as one).</summary>
    public DateTimeOffset EndPlusDays(int days) => StartOf(Date.AddDays(1 + days), Zone);

    public DateOnly LocalDateOf(DateTimeOffset instant) => LocalDate(instant, Zone);

    public static bool IsInRange(DateOnly date) => date >= MinDate && date <= MaxDate;

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone));

    /// <summary>The latest business date of <paramref name="zone"/> that is closed at <paramref name="now"/>.</summary>
    public static DateOnly LatestClosed(TimeZoneInfo zone, DateTimeOffset now)
    {
        var candidate = LocalDate(now, zone);
        while (!new BusinessDay(candidate, zone).IsClosed(now))
        {
            candidate = candidate.AddDays(-1);
        }

        return candidate;
    }

    /// <summary>The first instant of a local date, which is not always midnight (a zone may skip it).</summary>
    public static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A transition at midnight skips it: the day starts at the first valid local minute after the gap.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // A repeated midnight (clocks going back at 00:00): the day starts at its first occurrence,
        // which carries the larger offset.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }
}

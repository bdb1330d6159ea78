namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// A program's business date D (docs/ledger.md): from the first instant of local date D to the first instant of
/// D+1 (<see cref="End"/> = T_D), daylight-saving aware. "+N days" means N calendar days in the zone.
/// </summary>
public sealed record BusinessDay(DateOnly Date, TimeZoneInfo Zone)
{
    public DateTimeOffset Start => StartOf(Date, Zone);

    /// <summary>T_D: the exclusive end of the day and the instant snapshots are taken "as of".</summary>
    public DateTimeOffset End => StartOf(Date.AddDays(1), Zone);

    public bool IsClosed(DateTimeOffset now) => now >= End;

    /// <summary>T_D + N calendar days in the program's zone (a 23- or 25-hour day counts as one).</summary>
    public DateTimeOffset EndPlusDays(int days) => StartOf(Date.AddDays(1 + days), Zone);

    public DateOnly LocalDateOf(DateTimeOffset instant) => LocalDate(instant, Zone);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, zone));

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

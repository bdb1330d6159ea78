namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// A validated program and business day the snapshot queries run for, as of the day's end T_D; or, for an intraday
/// pass over the open day, as of <see cref="CutOff"/>, an instant within the day (docs/ledger.md, "The intraday lane").
/// </summary>
public sealed record SnapshotScope(LoyaltyProgram Program, BusinessDay Day, DateTimeOffset? CutOff = null)
{
    public string ProgramId => Program.ProgramId;

    public DateTime AsOfUtc => (CutOff ?? Day.End).UtcDateTime;

    public string BusinessDate => Day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The as-of instant plus <paramref name="days"/> calendar days in the program's zone (the expiring-points windows).</summary>
    public DateTimeOffset AsOfPlusDays(int days)
    {
        if (CutOff is not { } cutOff)
        {
            return Day.EndPlusDays(days);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(cutOff.UtcDateTime, Day.Zone).AddDays(days);
        // The same wall-clock time N days on may fall in a daylight-saving gap: the first valid minute after it.
        while (Day.Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, Day.Zone.GetUtcOffset(local));
    }
}

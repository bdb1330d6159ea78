namespace Loyalife.SnapshotService.Snapshots;

/// <summary>A validated (program, closed business date) the snapshot queries run for.</summary>
public sealed record SnapshotScope(LoyaltyProgram Program, BusinessDay Day)
{
    public string ProgramId => Program.ProgramId;

    public DateTime AsOfUtc => Day.End.UtcDateTime;

    public string BusinessDate => Day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

namespace Loyalife.SnapshotService.Programs;

/// <summary>A row of `loyalty.programs`; <see cref="Tiers"/> lowest rank first.</summary>
public sealed record LoyaltyProgram(string ProgramId, string Name, string TimeZone, string[] Tiers);

namespace Loyalife.SettingsService.Programs;

public sealed record LoyaltyProgram(string ProgramId, string Name);

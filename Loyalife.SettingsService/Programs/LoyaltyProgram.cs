namespace Loyalife.SettingsService.Programs;

/// <summary>A program as the admin page lists it; its IANA time zone is the one every time on the page is shown in.</summary>
public sealed record LoyaltyProgram(string ProgramId, string Name, string TimeZone);

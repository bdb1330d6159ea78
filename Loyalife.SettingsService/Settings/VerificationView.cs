namespace Loyalife.SettingsService.Settings;

public sealed record VerificationView(string ProgramId, bool Verified, string DataCenter, string ApiBaseUrl, string? WorkspaceName, DateTimeOffset CheckedAt, string Message);

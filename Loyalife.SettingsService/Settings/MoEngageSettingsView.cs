namespace Loyalife.SettingsService.Settings;

/// <summary>What an admin sees: everything but the key, of which at most the last four characters show.</summary>
public sealed record MoEngageSettingsView(
    string ProgramId,
    bool Enabled,
    string AppId,
    string ApiKeyMasked,
    string DashboardUrl,
    string DataCenter,
    string ApiBaseUrl,
    string? WorkspaceName,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

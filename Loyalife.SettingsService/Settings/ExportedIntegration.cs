namespace Loyalife.SettingsService.Settings;

/// <summary>One program in the export: configuration a person can review or re-enter, no secret and no hint of one.</summary>
public sealed record ExportedIntegration(
    string ProgramId,
    bool Enabled,
    string AppId,
    string DashboardUrl,
    string DataCenter,
    string ApiBaseUrl,
    IReadOnlyDictionary<string, string> AttributeNames,
    string UnknownMembers,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int? IntradayMinutes);

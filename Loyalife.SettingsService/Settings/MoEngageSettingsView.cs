namespace Loyalife.SettingsService.Settings;

/// <summary>
/// What an admin sees: everything but the key, of which at most the last four characters show;
/// <see cref="AttributeNames"/> is the complete map Loyalife name → MoEngage name, and
/// <see cref="GetUserAvailable"/> what the last save found out about MoEngage's Get User API (null: not yet asked).
/// </summary>
public sealed record MoEngageSettingsView(
    string ProgramId,
    bool Enabled,
    string AppId,
    string ApiKeyMasked,
    string DashboardUrl,
    string DataCenter,
    string ApiBaseUrl,
    IReadOnlyDictionary<string, string> AttributeNames,
    string UnknownMembers,
    bool? GetUserAvailable,
    string? WorkspaceName,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int? IntradayMinutes);

namespace Loyalife.SettingsService.Settings;

/// <summary>
/// A row of settings.moengage_integrations. The key itself is in the secret store under <see cref="SecretName"/>,
/// and no part of it is here. <see cref="AttributeNames"/> holds only the admin's overrides of the default names;
/// <see cref="IntradayMinutes"/> null means nightly only.
/// </summary>
public sealed record SettingsRow(
    string ProgramId,
    bool Enabled,
    string AppId,
    string DashboardUrl,
    string DataCenter,
    string SecretName,
    IReadOnlyDictionary<string, string> AttributeNames,
    string UnknownMembers,
    bool? GetUserAvailable,
    string? WorkspaceName,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    int? IntradayMinutes = null);

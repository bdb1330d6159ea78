namespace Loyalife.SettingsService.Settings;

/// <summary>A row of settings.moengage_integrations: the key itself is in the secret store under <see cref="SecretName"/>.</summary>
public sealed record SettingsRow(
    string ProgramId,
    bool Enabled,
    string AppId,
    string DashboardUrl,
    string DataCenter,
    string SecretName,
    string ApiKeyHint,
    string? WorkspaceName,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

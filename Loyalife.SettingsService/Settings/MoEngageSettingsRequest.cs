namespace Loyalife.SettingsService.Settings;

/// <summary>PUT body. <see cref="ApiKey"/> may be left out on update to keep the stored key.</summary>
public sealed record MoEngageSettingsRequest(bool? Enabled, string? AppId, string? ApiKey, string? DashboardUrl);

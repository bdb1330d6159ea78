namespace Loyalife.SettingsService.Settings;

/// <summary>
/// PUT body. <see cref="ApiKey"/> may be left out on update to keep the stored key; <see cref="AttributeNames"/>
/// (overrides of the default MoEngage names, replacing the stored ones) and <see cref="UnknownMembers"/> to keep
/// what is stored (for a new integration: the default names and <c>verify</c>).
/// </summary>
public sealed record MoEngageSettingsRequest(
    bool? Enabled,
    string? AppId,
    string? ApiKey,
    string? DashboardUrl,
    IReadOnlyDictionary<string, string?>? AttributeNames = null,
    string? UnknownMembers = null);

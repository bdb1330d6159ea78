namespace Loyalife.SettingsService.Settings;

/// <summary>
/// PUT body. <see cref="ApiKey"/> may be left out on update to keep the stored key; <see cref="AttributeNames"/>
/// (overrides of the default MoEngage names, replacing the stored ones) and <see cref="UnknownMembers"/> to keep
/// what is stored (for a new integration: the default names and <c>verify</c>). <see cref="IntradayMinutes"/>: left out keeps
/// what is stored (for a new integration: nightly only), null switches the intraday lane off; kept as the raw JSON
/// value so a wrong type is a 400 naming the field (<see cref="Settings.IntradayMinutes"/>).
/// </summary>
public sealed record MoEngageSettingsRequest(
    bool? Enabled,
    string? AppId,
    string? ApiKey,
    string? DashboardUrl,
    IReadOnlyDictionary<string, string?>? AttributeNames = null,
    string? UnknownMembers = null)
{
    // Not a constructor parameter: its default (an undefined JSON value, "left out") cannot be written into the OpenAPI document.
    public JsonElement IntradayMinutes { get; init; }
}

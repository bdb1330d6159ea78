namespace Loyalife.SettingsService.Settings;

public static class SettingsViews
{
    public static MoEngageSettingsView ToView(this SettingsRow row, string apiKeyMasked, MoEngageOptions moEngage) => new(
        row.ProgramId, row.Enabled, row.AppId, apiKeyMasked, row.DashboardUrl, row.DataCenter, ApiBaseUrl(moEngage, row.DataCenter),
        AttributeNaming.Effective(row.AttributeNames), row.UnknownMembers, row.GetUserAvailable,
        row.WorkspaceName, row.VerifiedAt, row.CreatedAt, row.UpdatedAt, row.UpdatedBy, row.IntradayMinutes);

    public static ExportedIntegration ToExport(this SettingsRow row, MoEngageOptions moEngage) => new(
        row.ProgramId, row.Enabled, row.AppId, row.DashboardUrl, row.DataCenter, ApiBaseUrl(moEngage, row.DataCenter),
        AttributeNaming.Effective(row.AttributeNames), row.UnknownMembers, row.VerifiedAt, row.UpdatedAt, row.UpdatedBy, row.IntradayMinutes);

    public static string ApiBaseUrl(MoEngageOptions moEngage, string dataCenter) => moEngage.ApiBaseUri(dataCenter).ToString().TrimEnd('/');
}

using Loyalife.SettingsService.MoEngage;

namespace Loyalife.SettingsService.Settings;

public static class SettingsViews
{
    public static MoEngageSettingsView ToView(this SettingsRow row, MoEngageOptions moEngage) => new(
        row.ProgramId, row.Enabled, row.AppId, ApiKeyMask.Mask(row.ApiKeyHint), row.DashboardUrl, row.DataCenter,
        ApiBaseUrl(moEngage, row.DataCenter), row.WorkspaceName, row.VerifiedAt, row.CreatedAt, row.UpdatedAt, row.UpdatedBy);

    public static ExportedIntegration ToExport(this SettingsRow row, MoEngageOptions moEngage) => new(
        row.ProgramId, row.Enabled, row.AppId, row.DashboardUrl, row.DataCenter, ApiBaseUrl(moEngage, row.DataCenter),
        row.VerifiedAt, row.UpdatedAt, row.UpdatedBy);

    public static string ApiBaseUrl(MoEngageOptions moEngage, string dataCenter) => moEngage.ApiBaseUri(dataCenter).ToString().TrimEnd('/');
}

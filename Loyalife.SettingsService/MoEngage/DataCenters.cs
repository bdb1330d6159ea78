namespace Loyalife.SettingsService.MoEngage;

/// <summary>MoEngage's data centres; a workspace lives in exactly one and its data cannot move.</summary>
public static class DataCenters
{
    public static readonly IReadOnlyList<string> All = ["01", "02", "03", "04", "05", "06", "101"];

    public static string DashboardUrl(string dataCenter) => $"https://dashboard-{dataCenter}.moengage.com";
}

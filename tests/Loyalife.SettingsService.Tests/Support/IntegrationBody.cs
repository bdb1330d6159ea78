namespace Loyalife.SettingsService.Tests.Support;

/// <summary>The body an admin sends to save a program's MoEngage integration.</summary>
public static class IntegrationBody
{
    /// <summary>An enabled integration with a new key, its Dashboard URL the data centre's canonical one.</summary>
    public static object Enabled(string appId, string apiKey, string dataCenter, string? unknownMembers = null) => unknownMembers is null
        ? new { enabled = true, appId, apiKey, dashboardUrl = $"https://dashboard-{dataCenter}.moengage.com" }
        : new { enabled = true, appId, apiKey, dashboardUrl = $"https://dashboard-{dataCenter}.moengage.com", unknownMembers };
}

namespace Loyalife.SettingsService.Settings;

/// <summary>What a change did, field by field. The key appears only as "replaced": not its value, not its hint.</summary>
public static class AuditChanges
{
    public static Dictionary<string, object> Between(SettingsRow? before, SettingsRow? after, bool keyReplaced)
    {
        var changes = new Dictionary<string, object>();
        Compare(changes, "enabled", before?.Enabled, after?.Enabled);
        Compare(changes, "appId", before?.AppId, after?.AppId);
        Compare(changes, "dashboardUrl", before?.DashboardUrl, after?.DashboardUrl);
        Compare(changes, "dataCenter", before?.DataCenter, after?.DataCenter);
        if (keyReplaced)
        {
            changes["apiKey"] = after is null ? "removed" : before is null ? "set" : "replaced";
        }

        return changes;
    }

    private static void Compare<T>(Dictionary<string, object> changes, string field, T? before, T? after)
    {
        if (!EqualityComparer<T?>.Default.Equals(before, after))
        {
            changes[field] = new FieldChange<T>(before, after);
        }
    }
}

namespace Loyalife.SettingsService.Settings;

/// <summary>
/// What a change did, field by field; <c>attributeNames</c> attribute by attribute, as the MoEngage names in
/// effect. The key appears only as "set", "replaced" or "removed": not its value, not any part of it.
/// </summary>
public static class AuditChanges
{
    public static Dictionary<string, object> Between(SettingsRow? before, SettingsRow? after, bool keyReplaced)
    {
        var changes = new Dictionary<string, object>();
        Compare(changes, "enabled", before?.Enabled, after?.Enabled);
        Compare(changes, "appId", before?.AppId, after?.AppId);
        Compare(changes, "dashboardUrl", before?.DashboardUrl, after?.DashboardUrl);
        Compare(changes, "dataCenter", before?.DataCenter, after?.DataCenter);
        Compare(changes, "unknownMembers", before?.UnknownMembers, after?.UnknownMembers);
        Compare(changes, "getUserAvailable", before?.GetUserAvailable, after?.GetUserAvailable);
        Compare(changes, IntradayMinutes.Field, before?.IntradayMinutes, after?.IntradayMinutes);
        var names = new Dictionary<string, object>();
        var namesBefore = before is null ? null : AttributeNaming.Effective(before.AttributeNames);
        var namesAfter = after is null ? null : AttributeNaming.Effective(after.AttributeNames);
        foreach (var name in AttributeNaming.LoyalifeNames)
        {
            Compare(names, name, namesBefore?[name], namesAfter?[name]);
        }

        if (names.Count > 0)
        {
            changes[AttributeNameOverrides.Field] = names;
        }

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

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>Get User's 200: <c>{"status":"success","type":"export_users","data":{"users","users_not_found"}}</c>.</summary>
public sealed record ExportUsersSuccess(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("data")] ExportUsersData Data)
{
    public static ExportUsersSuccess Of(ExportUsersData data) => new("success", "export_users", data);
}

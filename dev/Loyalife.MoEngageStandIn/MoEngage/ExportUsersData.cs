namespace Loyalife.MoEngageStandIn.MoEngage;

public sealed record ExportUsersData(
    [property: JsonPropertyName("users")] IReadOnlyList<ExportedUser> Users,
    [property: JsonPropertyName("users_not_found")] IReadOnlyList<UserIdentifier> UsersNotFound);

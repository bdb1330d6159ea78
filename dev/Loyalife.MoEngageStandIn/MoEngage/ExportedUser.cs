namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// One found user of Get User. <c>uid</c> (MoEngage's name for the customer ID in exports) is always there, so a
/// caller can tell the users apart; then each asked-for field the profile has (every attribute when none was asked for).
/// </summary>
public sealed record ExportedUser([property: JsonPropertyName("user_attributes")] IReadOnlyDictionary<string, JsonElement> UserAttributes);

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// One found user of Get User, as MoEngage's example answer shows it: <c>customer_id</c> and <c>id</c> (the MoEngage
/// ID) always, so a caller can tell the users apart; then each asked-for field the profile has (every attribute when
/// none was asked for; <c>uid</c>, MoEngage's standard name for the ID, when asked for).
/// </summary>
public sealed record ExportedUser([property: JsonPropertyName("user_attributes")] IReadOnlyDictionary<string, JsonElement> UserAttributes);

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>One identifier of a Get User request, as MoEngage lists it back in <c>users_not_found</c>.</summary>
public sealed record UserIdentifier(
    [property: JsonPropertyName("identifier_type")] string IdentifierType,
    [property: JsonPropertyName("identifier")] string Identifier);

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>A profile read out for inspection or Get User: each attribute's JSON value and MoEngage type.</summary>
internal sealed record StoredProfile(
    string CustomerId,
    string Origin,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    IReadOnlyDictionary<string, string> AttributeTypes);

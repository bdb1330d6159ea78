using System.ComponentModel;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// A profile a workspace holds from its creation. In JSON either a bare ID (<c>"C1"</c>) or
/// <c>{"customerId":"C1","attributes":{…}}</c>; in configuration <c>Customers:0</c> = an ID, or
/// <c>Customers:0:CustomerId</c> (attributes, being typed JSON, only through the control API).
/// </summary>
[JsonConverter(typeof(CustomerSeedJsonConverter))]
[TypeConverter(typeof(CustomerSeedTypeConverter))]
public sealed record CustomerSeed
{
    public string? CustomerId { get; init; }

    public Dictionary<string, JsonElement>? Attributes { get; init; }
}

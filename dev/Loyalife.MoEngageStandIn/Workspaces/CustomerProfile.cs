namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>A profile's attributes, each kept as the raw JSON of its last written value.</summary>
internal sealed class CustomerProfile(string customerId)
{
    public string CustomerId { get; } = customerId;

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
}

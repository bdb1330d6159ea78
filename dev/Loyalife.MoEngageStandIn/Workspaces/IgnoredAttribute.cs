namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>A user attribute of an accepted customer record that MoEngage does not store (its name is MoEngage's own).</summary>
public sealed record IgnoredAttribute(int Index, string? CustomerId, string Name, string Reason);

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>One element of a request that was not applied, and why (Bulk answers 200 regardless).</summary>
public sealed record ElementRejection(int Index, string? CustomerId, string Reason);

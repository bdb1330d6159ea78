namespace Loyalife.MoEngageStandIn.Control;

/// <summary>Body of <c>POST /control/workspaces/{appId}/customers</c>: profiles that now exist.</summary>
public sealed record CustomerIdsRequest(string[]? CustomerIds);

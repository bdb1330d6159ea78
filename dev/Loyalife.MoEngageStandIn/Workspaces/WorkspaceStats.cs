namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>The answer of <c>GET /control/workspaces/{appId}/stats</c>.</summary>
public sealed record WorkspaceStats(
    long Requests,
    long AcceptedRequests,
    long RejectedRequests,
    long CustomersUpdated,
    long CustomersIgnored,
    long EventsAccepted,
    long EventsDropped,
    long EventsDuplicated,
    long BytesReceived,
    long RateLimited,
    long ElementsRejected);

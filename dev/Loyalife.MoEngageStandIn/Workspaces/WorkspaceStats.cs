namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// The answer of <c>GET /control/workspaces/{appId}/stats</c>. Request counts move when a request is
/// answered; what it did to the contents (profiles, attributes, events) moves once it is applied, after
/// the workspace's processing delay (<see cref="PendingRequests"/> are accepted, not yet applied).
/// There is no count of dropped events: MoEngage drops no event of an unknown customer, it creates the
/// profile (<see cref="ProfilesCreated"/>).
/// </summary>
public sealed record WorkspaceStats(
    long Requests,
    long AcceptedRequests,
    long RejectedRequests,
    long CustomersUpdated,
    long CustomersIgnored,
    long EventsAccepted,
    long EventsDuplicated,
    long BytesReceived,
    long RateLimited,
    long ElementsRejected,
    long ProfilesCreated,
    long AttributesIgnored,
    long AttributesOverLimit,
    long EventsNotKept,
    long PendingRequests,
    long UsersLookedUp,
    long UsersFound);

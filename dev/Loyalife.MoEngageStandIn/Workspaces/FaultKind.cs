namespace Loyalife.MoEngageStandIn.Workspaces;

internal enum FaultKind
{
    None,
    ServerError,
    TooManyRequests,
    DropAfterAccept,
}

namespace Loyalife.MoEngageStandIn.Workspaces;

internal enum QuotaKind
{
    BulkUsers,
    BulkEvents,
    TrackUser,
    CreateEvent,
    GetUser,
}

namespace Loyalife.MoEngageStandIn.MoEngage;

internal enum DataEndpoint
{
    BulkImport,
    TrackUser,
    CreateEvent,
    GetUser,
}

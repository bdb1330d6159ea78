namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>What one request did, added to the workspace's counters once it is done.</summary>
internal struct IngestTally
{
    public int CustomersUpdated;
    public int CustomersIgnored;
    public int EventsAccepted;
    public int EventsDropped;
    public int EventsDuplicated;
    public int ElementsRejected;
}

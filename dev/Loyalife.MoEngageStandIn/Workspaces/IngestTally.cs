namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>What one request did, added to the workspace's counters once it is done.</summary>
internal struct IngestTally
{
    public int CustomersUpdated;
    public int CustomersIgnored;
    public int ProfilesCreated;
    public int AttributesIgnored;
    public int AttributesOverLimit;
    public int EventsAccepted;
    public int EventsDuplicated;
    public int EventsNotKept;
    public int ElementsRejected;
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Running totals. Not thread-safe: the owning workspace serialises access.</summary>
internal sealed class WorkspaceCounters
{
    private long _requests;
    private long _accepted;
    private long _rateLimited;
    private long _bytes;
    private long _customersUpdated;
    private long _customersIgnored;
    private long _eventsAccepted;
    private long _eventsDropped;
    private long _eventsDuplicated;
    private long _elementsRejected;

    public void Count(RequestLogEntry entry, in IngestTally tally)
    {
        _requests++;
        _bytes += entry.Bytes;
        _accepted += entry.Status == StatusCodes.Status200OK ? 1 : 0;
        _rateLimited += entry.Status == StatusCodes.Status429TooManyRequests ? 1 : 0;
        _customersUpdated += tally.CustomersUpdated;
        _customersIgnored += tally.CustomersIgnored;
        _eventsAccepted += tally.EventsAccepted;
        _eventsDropped += tally.EventsDropped;
        _eventsDuplicated += tally.EventsDuplicated;
        _elementsRejected += tally.ElementsRejected;
    }

    public WorkspaceStats Snapshot() => new(
        _requests, _accepted, _requests - _accepted, _customersUpdated, _customersIgnored, _eventsAccepted,
        _eventsDropped, _eventsDuplicated, _bytes, _rateLimited, _elementsRejected);
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Running totals. Not thread-safe: the owning workspace serialises access.</summary>
internal sealed class WorkspaceCounters
{
    private long _requests;
    private long _accepted;
    private long _rateLimited;
    private long _bytes;
    private long _elementsRejected;
    private long _attributesIgnored;
    private long _pending;
    private long _usersLookedUp;
    private long _usersFound;
    private IngestTally _applied;

    /// <summary>A request answered: what its validation found is counted now, what it applied when applied.</summary>
    public void Count(RequestLogEntry entry, in IngestTally tally)
    {
        _requests++;
        _bytes += entry.Bytes;
        _accepted += entry.Status == StatusCodes.Status200OK ? 1 : 0;
        _rateLimited += entry.Status == StatusCodes.Status429TooManyRequests ? 1 : 0;
        _elementsRejected += tally.ElementsRejected;
        _attributesIgnored += tally.AttributesIgnored;
        Applied(tally);
    }

    public void Applied(in IngestTally tally)
    {
        _applied.CustomersUpdated += tally.CustomersUpdated;
        _applied.CustomersIgnored += tally.CustomersIgnored;
        _applied.ProfilesCreated += tally.ProfilesCreated;
        _applied.AttributesOverLimit += tally.AttributesOverLimit;
        _applied.EventsAccepted += tally.EventsAccepted;
        _applied.EventsDuplicated += tally.EventsDuplicated;
        _applied.EventsNotKept += tally.EventsNotKept;
    }

    public void Pending(int change) => _pending += change;

    public void LookedUp(int asked, int found)
    {
        _usersLookedUp += asked;
        _usersFound += found;
    }

    public WorkspaceStats Snapshot() => new(
        _requests, _accepted, _requests - _accepted, _applied.CustomersUpdated, _applied.CustomersIgnored,
        _applied.EventsAccepted, _applied.EventsDuplicated, _bytes, _rateLimited, _elementsRejected,
        _applied.ProfilesCreated, _attributesIgnored, _applied.AttributesOverLimit, _applied.EventsNotKept, _pending,
        _usersLookedUp, _usersFound);
}

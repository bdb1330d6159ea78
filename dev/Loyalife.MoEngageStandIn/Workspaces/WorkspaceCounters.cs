namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Running totals. Not thread-safe: the owning workspace serialises access.</summary>
internal sealed class WorkspaceCounters
{
    private long requests;
    private long accepted;
    private long rateLimited;
    private long bytes;
    private long elementsRejected;
    private long attributesIgnored;
    private long pending;
    private long usersLookedUp;
    private long usersFound;
    private IngestTally applied;

    /// <summary>A request answered: what its validation found is counted now, what it applied when applied.</summary>
    public void Count(RequestLogEntry entry, in IngestTally tally)
    {
        requests++;
        bytes += entry.Bytes;
        accepted += entry.Status == StatusCodes.Status200OK ? 1 : 0;
        rateLimited += entry.Status == StatusCodes.Status429TooManyRequests ? 1 : 0;
        elementsRejected += tally.ElementsRejected;
        attributesIgnored += tally.AttributesIgnored;
        Applied(tally);
    }

    public void Applied(in IngestTally tally)
    {
        applied.CustomersUpdated += tally.CustomersUpdated;
        applied.CustomersIgnored += tally.CustomersIgnored;
        applied.ProfilesCreated += tally.ProfilesCreated;
        applied.AttributesOverLimit += tally.AttributesOverLimit;
        applied.EventsAccepted += tally.EventsAccepted;
        applied.EventsDuplicated += tally.EventsDuplicated;
        applied.EventsNotKept += tally.EventsNotKept;
    }

    public void Pending(int change) => pending += change;

    public void LookedUp(int asked, int found)
    {
        usersLookedUp += asked;
        usersFound += found;
    }

    public WorkspaceStats Snapshot() => new(
        requests, accepted, requests - accepted, applied.CustomersUpdated, applied.CustomersIgnored,
        applied.EventsAccepted, applied.EventsDuplicated, bytes, rateLimited, elementsRejected,
        applied.ProfilesCreated, attributesIgnored, applied.AttributesOverLimit, applied.EventsNotKept, pending,
        usersLookedUp, usersFound);
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>A ring of the latest requests. Not thread-safe: the owning workspace serialises access.</summary>
internal sealed class RequestLog(int capacity)
{
    private readonly RequestLogEntry[] entries = new RequestLogEntry[capacity];
    private long count;

    public void Add(RequestLogEntry entry) => entries[count++ % capacity] = entry;

    /// <summary>Newest first.</summary>
    public List<RequestLogEntry> Latest(int limit)
    {
        var take = (int)Math.Min(Math.Min(limit, capacity), count);
        var latest = new List<RequestLogEntry>(take);
        for (var i = 1; i <= take; i++)
        {
            latest.Add(entries[(count - i) % capacity]);
        }

        return latest;
    }
}

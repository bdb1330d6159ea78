namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// One customer's latest events, at most <c>capacity</c>: a ring that grows as needed, so a customer with
/// one event costs one slot. Its events share its one copy of the customer ID.
/// Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class CustomerEvents(string customerId, int capacity)
{
    private StoredEvent[] ring = new StoredEvent[1];
    private int start;
    private int count;

    public string CustomerId { get; } = customerId;

    /// <summary>Keeps <paramref name="stored"/>; answers true when the oldest kept event made way for it.</summary>
    public bool Add(StoredEvent stored)
    {
        if (count < ring.Length)
        {
            ring[(start + count++) % ring.Length] = stored;
            return false;
        }

        if (ring.Length < capacity)
        {
            var grown = new StoredEvent[Math.Min(capacity, ring.Length * 2)];
            for (var i = 0; i < count; i++)
            {
                grown[i] = ring[(start + i) % ring.Length];
            }

            (ring, start) = (grown, 0);
            ring[count++] = stored;
            return false;
        }

        ring[start] = stored;
        start = (start + 1) % ring.Length;
        return true;
    }

    /// <summary>Oldest first.</summary>
    public IEnumerable<StoredEvent> All()
    {
        for (var i = 0; i < count; i++)
        {
            yield return ring[(start + i) % ring.Length];
        }
    }
}

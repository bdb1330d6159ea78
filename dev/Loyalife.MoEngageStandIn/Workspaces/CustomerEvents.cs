namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// One customer's latest events, at most <c>capacity</c>: a ring that grows as needed, so a customer with
/// one event costs one slot. Its events share its one copy of the customer ID.
/// Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class CustomerEvents(string customerId, int capacity)
{
    private StoredEvent[] _ring = new StoredEvent[1];
    private int _start;
    private int _count;

    public string CustomerId { get; } = customerId;

    /// <summary>Keeps <paramref name="stored"/>; answers true when the oldest kept event made way for it.</summary>
    public bool Add(StoredEvent stored)
    {
        if (_count < _ring.Length)
        {
            _ring[(_start + _count++) % _ring.Length] = stored;
            return false;
        }

        if (_ring.Length < capacity)
        {
            var grown = new StoredEvent[Math.Min(capacity, _ring.Length * 2)];
            for (var i = 0; i < _count; i++)
            {
                grown[i] = _ring[(_start + i) % _ring.Length];
            }

            (_ring, _start) = (grown, 0);
            _ring[_count++] = stored;
            return false;
        }

        _ring[_start] = stored;
        _start = (_start + 1) % _ring.Length;
        return true;
    }

    /// <summary>Oldest first.</summary>
    public IEnumerable<StoredEvent> All()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _ring[(_start + i) % _ring.Length];
        }
    }
}

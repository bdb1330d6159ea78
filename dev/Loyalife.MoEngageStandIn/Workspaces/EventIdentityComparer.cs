namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Two events are the same when customer, name, time and attributes (as sent, byte for byte) are; when
/// MoEngage received them does not matter. MoEngage stores both; the stand-in counts the second.
/// </summary>
internal sealed class EventIdentityComparer : IEqualityComparer<StoredEvent>
{
    public static readonly EventIdentityComparer Instance = new();

    public bool Equals(StoredEvent? x, StoredEvent? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null
            && x.CurrentTime == y.CurrentTime
            && string.Equals(x.CustomerId, y.CustomerId, StringComparison.Ordinal)
            && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
            && x.AttributesJson.AsSpan().SequenceEqual(y.AttributesJson));

    public int GetHashCode(StoredEvent e)
    {
        var hash = new HashCode();
        hash.Add(e.CustomerId);
        hash.Add(e.Name);
        hash.Add(e.CurrentTime);
        hash.AddBytes(e.AttributesJson);
        return hash.ToHashCode();
    }
}

namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>
/// What the existence gate knows of a page's members, filled for each page of events (one per stream, reused
/// page after page). With <see cref="Holds"/> an event is packed only for a member found in MoEngage; without,
/// every event is packed and those of members not known to be held are counted.
/// </summary>
public sealed class PageVerdicts
{
    /// <summary>Members' events that are not found are held back (the program verifies, and the run is not dry).</summary>
    public bool Holds { get; private set; }

    /// <summary>Each member of the page's events by customer_id; the gate fills it.</summary>
    internal Dictionary<string, MemberVerdict> ByCustomer { get; } = new(StringComparer.Ordinal);

    public MemberVerdict Of(string customerId) => ByCustomer.GetValueOrDefault(customerId);

    /// <summary>Forgets the previous page.</summary>
    internal void Reset(bool holds)
    {
        Holds = holds;
        ByCustomer.Clear();
    }
}

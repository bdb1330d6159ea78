namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Bodies retried after an ambiguous failure (sent in full, then no answer): MoEngage may hold them twice.
/// Events then exist twice (MoEngage does not de-duplicate; <c>loyalife_event_id</c> lets a marketer do so);
/// attributes are last-write-wins and harmless. The same shape counts the bodies in flight.
/// </summary>
public sealed class PossibleDuplicates
{
    public int Requests { get; set; }

    public long Members { get; set; }

    public long Events { get; set; }

    /// <summary>Counts <paramref name="requests"/> bodies of <paramref name="elements"/> elements (negative to take them off).</summary>
    public void Add(ElementKind kind, long elements, int requests = 1)
    {
        Requests += requests;
        if (kind == ElementKind.Customer)
        {
            Members += elements;
        }
        else
        {
            Events += elements;
        }
    }

    public void Add(PossibleDuplicates other)
    {
        Requests += other.Requests;
        Members += other.Members;
        Events += other.Events;
    }
}

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Bodies retried after an ambiguous failure (sent in full, then no answer): MoEngage may hold them twice.
/// Events then exist twice (MoEngage does not de-duplicate; <c>loyalife_event_id</c> lets a marketer do so);
/// attributes are last-write-wins and harmless.
/// </summary>
public sealed class PossibleDuplicates
{
    public int Requests { get; set; }

    public long Members { get; set; }

    public long Events { get; set; }
}

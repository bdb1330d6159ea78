namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// What the night of a date leaves to the intraday lane: the events of the date the lane delivered (each event
/// reaches MoEngage once), and the members a pass of a later date already refreshed with newer attributes
/// (MoEngage keeps the last write, so the night's older values are left out rather than written over them), and the
/// events of passes an admin skipped after they were held (never sent, by either lane).
/// </summary>
public sealed record LaneDelivered(IReadOnlySet<string> Events, IReadOnlySet<string> MembersRefreshedLater, IReadOnlySet<string>? SkippedByAdmin = null)
{
    public static readonly LaneDelivered None = new(new HashSet<string>(), new HashSet<string>());

    /// <summary>Every event of the date the night leaves out: delivered by the lane or skipped by an admin.</summary>
    public IReadOnlySet<string> EventsLeftOut => SkippedByAdmin is not { Count: > 0 } skipped ? Events : Events.Union(skipped).ToHashSet(StringComparer.Ordinal);
}

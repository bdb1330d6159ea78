namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// What the night of a date leaves to the intraday lane: the events of the date the lane delivered (each event
/// reaches MoEngage once), and the members a pass of a later date already refreshed with newer attributes
/// (MoEngage keeps the last write, so the night's older values are left out rather than written over them).
/// </summary>
public sealed record LaneDelivered(IReadOnlySet<string> Events, IReadOnlySet<string> MembersRefreshedLater)
{
    public static readonly LaneDelivered None = new(new HashSet<string>(), new HashSet<string>());
}

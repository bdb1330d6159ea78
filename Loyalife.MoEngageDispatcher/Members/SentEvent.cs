namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>
/// One of the member's events of the night sent, with its fate: <c>sent</c>, or <c>held_back</c> with the run report's
/// reason (<c>not_in_moengage</c>, <c>unconfirmed</c>).
/// </summary>
public sealed record SentEvent(string EventId, string Name, string OccurredAt, string Fate, string? HeldBackReason, JsonElement Attributes)
{
    public const string Sent = "sent";
    public const string HeldBack = "held_back";

    // The run report's reasons for events held back (RunReport.EventsHeldBack).
    public const string NotInMoEngage = "not_in_moengage";
    public const string Unconfirmed = "unconfirmed";
}

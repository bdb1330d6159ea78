namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// What the intraday lane did on one business day: passes that went through (and held), events MoEngage accepted,
/// members refreshed, events held back by the existence gate, and the delay in seconds from an event becoming
/// visible to a pass (the earliest it could: after the previous pass's cut-off, not before it happened) to MoEngage
/// accepting it: median, 95th percentile, worst. Delays are null on a day without events.
/// </summary>
public sealed record IntradayDay(
    string BusinessDate, long Passes, long HeldPasses, long EventsSent, long MembersRefreshed, long EventsHeldBack,
    double? DelayMedianSeconds, double? DelayP95Seconds, double? DelayWorstSeconds);

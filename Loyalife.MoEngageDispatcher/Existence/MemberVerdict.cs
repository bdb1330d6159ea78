namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>Whether an event's member may be sent an event: confirmed in MoEngage, confirmed absent, or not known.</summary>
public enum MemberVerdict
{
    Unconfirmed,
    Found,
    NotFound,
}

namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>A member whose events are held back because MoEngage holds no profile under its customer_id.</summary>
public sealed record MemberNotInMoEngage(string MemberId, string CustomerId, DateTimeOffset Since, DateTimeOffset LastChecked);

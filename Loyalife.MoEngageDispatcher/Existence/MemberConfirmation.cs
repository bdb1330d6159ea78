namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>What Get User last said about one customer_id of a workspace, and when.</summary>
public sealed record MemberConfirmation(bool Found, DateTimeOffset? AbsentSince, DateTimeOffset LastChecked);

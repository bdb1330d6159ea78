namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary><c>GET /v1/programs/{programId}/members-not-in-moengage</c>: a page of the list, the cursor of the next, and how many match.</summary>
public sealed record MembersNotInMoEngagePage(IReadOnlyList<MemberNotInMoEngage> Items, string? Next, long Total);

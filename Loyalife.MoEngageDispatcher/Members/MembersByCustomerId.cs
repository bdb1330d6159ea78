namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>The members behind a customer id, each looked up; <see cref="Matches"/> counts them all, <see cref="Members"/> holds the first few.</summary>
public sealed record MembersByCustomerId(string ProgramId, string CustomerId, int Matches, IReadOnlyList<MemberLookup> Members);

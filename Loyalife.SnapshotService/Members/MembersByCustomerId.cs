namespace Loyalife.SnapshotService.Members;

/// <summary>The members whose trimmed relation reference is <see cref="CustomerId"/> (ordinal order, at most <see cref="MemberLookupQuery.MaxMatches"/>).</summary>
public sealed record MembersByCustomerId(string ProgramId, string CustomerId, IReadOnlyList<string> MemberIds);

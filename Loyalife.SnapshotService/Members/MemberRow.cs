namespace Loyalife.SnapshotService.Members;

/// <summary>A member of a closed day as the ledger holds it: its trimmed reference and why it is not sent, if it is not.</summary>
public sealed record MemberRow(string MemberId, string? CustomerId, string? SkipReason);

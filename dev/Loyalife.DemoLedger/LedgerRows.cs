namespace Loyalife.DemoLedger;

// The generator's rows, one record per `loyalty` table, in column order.
internal readonly record struct MemberRow(string ProgramId, string MemberId, string? RelationReference, DateTime EnrolledAt);

internal readonly record struct HistoryRow(long HistoryId, string ProgramId, string MemberId, DateTime OccurredAt, string Value);

internal readonly record struct SegmentRow(long HistoryId, string ProgramId, string MemberId, DateTime OccurredAt, string Segment, string Change);

internal sealed record EntryRow(
    long EntryId, string ProgramId, string MemberId, DateTime OccurredAt, string EntryType, int Points, DateTime? ExpiresAt,
    string? TransactionId = null, decimal? TransactionAmount = null, string? Currency = null, string? Channel = null,
    string? CampaignId = null, string? RedemptionId = null, string? Reason = null);

internal readonly record struct AllocationRow(long DebitEntryId, long CreditEntryId, int Points);

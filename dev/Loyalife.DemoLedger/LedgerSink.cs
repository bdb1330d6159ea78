using NpgsqlTypes;

namespace Loyalife.DemoLedger;

/// <summary>The six `loyalty` tables a generated member writes to, each a binary COPY.</summary>
internal sealed class LedgerSink(NpgsqlDataSource dataSource, CancellationToken ct)
{
    public CopyWriter<MemberRow> Members { get; } = new(dataSource,
        "COPY loyalty.members (program_id, member_id, relation_reference, enrolled_at) FROM STDIN (FORMAT BINARY)",
        static (w, r) =>
        {
            w.Write(r.ProgramId, NpgsqlDbType.Text);
            w.Write(r.MemberId, NpgsqlDbType.Text);
            WriteNullable(w, r.RelationReference, NpgsqlDbType.Text);
            w.Write(r.EnrolledAt, NpgsqlDbType.TimestampTz);
        }, ct);

    public CopyWriter<HistoryRow> Statuses { get; } = new(dataSource,
        "COPY loyalty.member_status_history (history_id, program_id, member_id, occurred_at, status) FROM STDIN (FORMAT BINARY)",
        WriteHistory, ct);

    public CopyWriter<HistoryRow> Tiers { get; } = new(dataSource,
        "COPY loyalty.member_tier_history (history_id, program_id, member_id, occurred_at, tier) FROM STDIN (FORMAT BINARY)",
        WriteHistory, ct);

    public CopyWriter<SegmentRow> Segments { get; } = new(dataSource,
        "COPY loyalty.segment_history (history_id, program_id, member_id, occurred_at, segment, change) FROM STDIN (FORMAT BINARY)",
        static (w, r) =>
        {
            WriteLead(w, r.HistoryId, r.ProgramId, r.MemberId, r.OccurredAt);
            w.Write(r.Segment, NpgsqlDbType.Text);
            w.Write(r.Change, NpgsqlDbType.Text);
        }, ct);

    public CopyWriter<EntryRow> Entries { get; } = new(dataSource,
        "COPY loyalty.point_entries (entry_id, program_id, member_id, occurred_at, entry_type, points, expires_at, transaction_id, " +
        "transaction_amount, currency, channel, campaign_id, redemption_id, reason) FROM STDIN (FORMAT BINARY)",
        static (w, r) =>
        {
            WriteLead(w, r.EntryId, r.ProgramId, r.MemberId, r.OccurredAt);
            w.Write(r.EntryType, NpgsqlDbType.Text);
            w.Write(r.Points, NpgsqlDbType.Integer);
            WriteNullable(w, r.ExpiresAt, NpgsqlDbType.TimestampTz);
            WriteNullable(w, r.TransactionId, NpgsqlDbType.Text);
            WriteNullable(w, r.TransactionAmount, NpgsqlDbType.Numeric);
            WriteNullable(w, r.Currency, NpgsqlDbType.Text);
            WriteNullable(w, r.Channel, NpgsqlDbType.Text);
            WriteNullable(w, r.CampaignId, NpgsqlDbType.Text);
            WriteNullable(w, r.RedemptionId, NpgsqlDbType.Text);
            WriteNullable(w, r.Reason, NpgsqlDbType.Text);
        }, ct);

    public CopyWriter<AllocationRow> Allocations { get; } = new(dataSource,
        "COPY loyalty.point_allocations (debit_entry_id, credit_entry_id, points) FROM STDIN (FORMAT BINARY)",
        static (w, r) =>
        {
            w.Write(r.DebitEntryId, NpgsqlDbType.Bigint);
            w.Write(r.CreditEntryId, NpgsqlDbType.Bigint);
            w.Write(r.Points, NpgsqlDbType.Integer);
        }, ct);

    public async ValueTask FlushIfFullAsync()
    {
        await Members.FlushIfFullAsync(ct);
        await Statuses.FlushIfFullAsync(ct);
        await Tiers.FlushIfFullAsync(ct);
        await Segments.FlushIfFullAsync(ct);
        await Entries.FlushIfFullAsync(ct);
        await Allocations.FlushIfFullAsync(ct);
    }

    /// <summary>Completes every COPY; answers the total row count.</summary>
    public async Task<ulong> CompleteAsync()
    {
        var counts = await Task.WhenAll(
            Members.CompleteAsync(ct), Statuses.CompleteAsync(ct), Tiers.CompleteAsync(ct),
            Segments.CompleteAsync(ct), Entries.CompleteAsync(ct), Allocations.CompleteAsync(ct));
        return counts.Aggregate(0UL, (sum, count) => sum + count);
    }

    private static void WriteHistory(NpgsqlBinaryImporter w, HistoryRow r)
    {
        WriteLead(w, r.HistoryId, r.ProgramId, r.MemberId, r.OccurredAt);
        w.Write(r.Value, NpgsqlDbType.Text);
    }

    /// <summary>The four columns every history and entry table starts with: its id, the program, the member, when.</summary>
    private static void WriteLead(NpgsqlBinaryImporter w, long id, string programId, string memberId, DateTime occurredAt)
    {
        w.Write(id, NpgsqlDbType.Bigint);
        w.Write(programId, NpgsqlDbType.Text);
        w.Write(memberId, NpgsqlDbType.Text);
        w.Write(occurredAt, NpgsqlDbType.TimestampTz);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : class
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, type);
        }
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter w, T? value, NpgsqlDbType type) where T : struct
    {
        if (value is { } v)
        {
            w.Write(v, type);
        }
        else
        {
            w.WriteNull();
        }
    }
}

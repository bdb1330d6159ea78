namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// Where <see cref="EventSql"/>'s columns sit in one reader, looked up by name once, before its first row:
/// a page writes up to a million rows, so no row pays for a lookup.
/// </summary>
internal sealed class EventColumns(NpgsqlDataReader reader)
{
    public int EventId { get; } = reader.GetOrdinal("event_id");
    public int Name { get; } = reader.GetOrdinal("name");
    public int MemberId { get; } = reader.GetOrdinal("member_id");
    public int CustomerId { get; } = reader.GetOrdinal("customer_id");
    public int OccurredAt { get; } = reader.GetOrdinal("occurred_at");
    public int Points { get; } = reader.GetOrdinal("points");
    public int EntryType { get; } = reader.GetOrdinal("entry_type");
    public int TransactionId { get; } = reader.GetOrdinal("transaction_id");
    public int TransactionAmount { get; } = reader.GetOrdinal("transaction_amount");
    public int Currency { get; } = reader.GetOrdinal("currency");
    public int Channel { get; } = reader.GetOrdinal("channel");
    public int CampaignId { get; } = reader.GetOrdinal("campaign_id");
    public int RedemptionId { get; } = reader.GetOrdinal("redemption_id");
    public int Reason { get; } = reader.GetOrdinal("reason");
    public int ExpiresAt { get; } = reader.GetOrdinal("expires_at");
    public int FromValue { get; } = reader.GetOrdinal("from_value");
    public int ToValue { get; } = reader.GetOrdinal("to_value");
    public int Days { get; } = reader.GetOrdinal("days");
    public int ExpiryDate { get; } = reader.GetOrdinal("expiry_date");
}

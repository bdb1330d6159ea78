namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// Where <see cref="MemberSnapshotQuery"/>'s columns sit in one reader, looked up by name once, before its first
/// row: a page writes up to a million members, so no row pays for a lookup.
/// </summary>
internal sealed class MemberColumns(NpgsqlDataReader reader)
{
    public int MemberId { get; } = reader.GetOrdinal("member_id");
    public int CustomerId { get; } = reader.GetOrdinal("customer_id");
    public int EnrolledAt { get; } = reader.GetOrdinal("enrolled_at");
    public int Available { get; } = reader.GetOrdinal("available");
    public int Accrued { get; } = reader.GetOrdinal("accrued");
    public int Redeemed { get; } = reader.GetOrdinal("redeemed");
    public int Expired { get; } = reader.GetOrdinal("expired");
    public int LastTransactionAt { get; } = reader.GetOrdinal("last_transaction_at");
    public int Transactions { get; } = reader.GetOrdinal("transactions");
    public int Expiring30 { get; } = reader.GetOrdinal("expiring_30");
    public int Expiring60 { get; } = reader.GetOrdinal("expiring_60");
    public int Expiring90 { get; } = reader.GetOrdinal("expiring_90");
    public int Tier { get; } = reader.GetOrdinal("tier");
    public int Status { get; } = reader.GetOrdinal("status");
}

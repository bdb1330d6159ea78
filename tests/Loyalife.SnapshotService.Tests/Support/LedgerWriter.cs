namespace Loyalife.SnapshotService.Tests.Support;

/// <summary>Writes hand-made ledger rows, as Loyalife's core would, for scenario tests.</summary>
public sealed class LedgerWriter(string connectionString)
{
    public Task ProgramAsync(string programId, string timeZone, params string[] tiers) =>
        ExecuteAsync("INSERT INTO loyalty.programs VALUES ($1, $2, $3, $4)", programId, "Program " + programId, timeZone, tiers);

    public Task MemberAsync(string programId, string memberId, string? reference, string enrolledAt) =>
        ExecuteAsync("INSERT INTO loyalty.members VALUES ($1, $2, $3, $4::timestamptz)", programId, memberId, (object?)reference ?? DBNull.Value, enrolledAt);

    public Task StatusAsync(long id, string programId, string memberId, string at, string status) =>
        ExecuteAsync("INSERT INTO loyalty.member_status_history VALUES ($1, $2, $3, $4::timestamptz, $5)", id, programId, memberId, at, status);

    public Task TierAsync(long id, string programId, string memberId, string at, string tier) =>
        ExecuteAsync("INSERT INTO loyalty.member_tier_history VALUES ($1, $2, $3, $4::timestamptz, $5)", id, programId, memberId, at, tier);

    public Task SegmentAsync(long id, string programId, string memberId, string at, string segment, string change) =>
        ExecuteAsync("INSERT INTO loyalty.segment_history VALUES ($1, $2, $3, $4::timestamptz, $5, $6)", id, programId, memberId, at, segment, change);

    public Task EntryAsync(long id, string programId, string memberId, string at, string type, int points, string? expiresAt = null,
        string? transactionId = null, decimal? amount = null, string? currency = null, string? channel = null,
        string? campaignId = null, string? redemptionId = null, string? reason = null) =>
        ExecuteAsync(
            "INSERT INTO loyalty.point_entries VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7::timestamptz, $8, $9, $10, $11, $12, $13, $14)",
            id, programId, memberId, at, type, points, Nullable(expiresAt), Nullable(transactionId), (object?)amount ?? DBNull.Value,
            Nullable(currency), Nullable(channel), Nullable(campaignId), Nullable(redemptionId), Nullable(reason));

    public Task AllocationAsync(long debitId, long creditId, int points) =>
        ExecuteAsync("INSERT INTO loyalty.point_allocations VALUES ($1, $2, $3)", debitId, creditId, points);

    public async Task ExecuteAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
}

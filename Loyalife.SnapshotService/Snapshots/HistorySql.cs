namespace Loyalife.SnapshotService.Snapshots;

/// <summary>SQL over the ledger's history tables (status, tier), aliased <c>x</c> in the outer query.</summary>
internal static class HistorySql
{
    /// <summary>
    /// The member's row just before <c>x</c> in the same history table: the state a change moves away from.
    /// Ordered by (occurred_at, history_id), so two rows at the same instant still have one order.
    /// </summary>
    public static string PreviousRow(string table, string column) => $"""
        (SELECT p.{column} FROM loyalty.{table} p
         WHERE p.program_id = x.program_id
           AND p.member_id COLLATE "C" = x.member_id COLLATE "C"
           AND (p.occurred_at, p.history_id) < (x.occurred_at, x.history_id)
         ORDER BY p.occurred_at DESC, p.history_id DESC LIMIT 1)
        """;
}

namespace Loyalife.SnapshotService.Intraday;

/// <summary>
/// Which ledger rows belong to an intraday pass (docs/ledger.md, "The intraday lane"). A pass k is given a horizon
/// H_k (PostgreSQL's snapshot xmin when it began: every transaction below it has ended, committed or not) and a
/// cut-off C_k; the rows "seen by k" are those of the open day written by a transaction below H_k, with
/// occurred_at before C_k. Both grow from pass to pass, so the rows seen by k include those seen by k-1, and the
/// pass sends only the difference: seen by k, not seen by k-1. Rows committed late, out of id or occurred_at
/// order, fall into the first pass whose horizon passes their transaction; none falls into two passes. A row's
/// xmin is a 32-bit transaction id that wraps, so it is compared with the horizon modulo 2^32 (exact for any
/// row less than 2^31 transactions old, which every row of an open day is). Only rows dated from the pass's reach
/// are read (<see cref="HorizonQuery.ReachAsync"/>): a row dated further back is the night's.
/// </summary>
public static class PassRows
{
    /// <summary>The condition on a ledger table aliased <paramref name="alias"/>; parameters from <see cref="PassWindow.AddParameters"/>.</summary>
    public static string Condition(string alias) => $"""
        {alias}.program_id = @program AND {alias}.occurred_at >= @reach AND {alias}.occurred_at < @as_of
        AND {Below(alias, "@to_low")}
        AND NOT (@from_low::bigint IS NOT NULL AND {alias}.occurred_at < @since AND {Below(alias, "@from_low")})
        """;

    /// <summary>The members with a row in the pass: whose attributes the pass refreshes before its events.</summary>
    public static string MembersSql => string.Join(" UNION ",
        ((string[])["point_entries", "member_tier_history", "segment_history", "member_status_history"])
        .Select(table => $"SELECT r.member_id FROM loyalty.{table} r WHERE {Condition("r")}"));

    // The row's transaction id lies below the horizon whose low 32 bits are in the parameter.
    private static string Below(string alias, string horizonLow) =>
        $"(({horizonLow}::bigint - {alias}.xmin::text::bigint + 4294967296) % 4294967296) BETWEEN 1 AND 2147483647";
}

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// The day's events (docs/ledger.md) as one UNION ALL of per-kind queries with identical columns: event_id,
/// name, member_id, customer_id, occurred_at, points, entry_type, transaction_id, transaction_amount, currency,
/// channel, campaign_id, redemption_id, reason, expires_at, from_value, to_value, days, expiry_date (named by
/// each union's first part, and read by those names through <see cref="EventColumns"/>). Paged, each part is a
/// keyset query on (occurred_at, event_id COLLATE "C") with its own LIMIT over the time indexes, and the union
/// is merged in the same order; unpaged, the summary counts it in two statements. The statements' named
/// parameters are set by <see cref="EventParameters"/>;
/// <see cref="OfMember"/> adds @member.
/// </summary>
public static class EventSql
{
    // True when the member in column <member> has no entry of a type outside the contract before T_D.
    private static string NoUnknownEntryType(string member) => $"""
        NOT EXISTS (SELECT 1 FROM loyalty.point_entries u
                    WHERE u.program_id = @program AND u.member_id COLLATE "C" = {member} COLLATE "C" AND u.occurred_at < @as_of
                      AND u.entry_type NOT IN {EntryTypes.KnownSql})
        """;

    // Only members that are sent: enrolled before T_D, a usable reference, no unknown entry type.
    private static readonly string SentMemberCondition = $"""
        m.program_id = @program AND m.member_id = x.member_id AND m.enrolled_at < @as_of
              AND {CustomerIds.SqlIsSendable("m", "@white_space", "@disallowed")}
              AND {NoUnknownEntryType("m.member_id")}
        """;

    // Paged, a part looks each row's member up: a LATERAL ... LIMIT 1 keeps that a primary-key lookup
    // whatever the planner estimates, so the part is driven by the day's rows from the time indexes and
    // stops with its page. Counted, the day's parts leave the member out and CountDayByName matches all
    // their rows to the members at once, one hash join instead of a lookup per row (most of the count's
    // time at 1,000,000 members). The expiring-soon parts always look up: they do it per lot of one day.
    private static string SentMember(bool lookup) => lookup
        ? $"CROSS JOIN LATERAL (SELECT m.relation_reference FROM loyalty.members m WHERE {SentMemberCondition} LIMIT 1) m"
        : "";

    private static string Customer(bool lookup) => lookup ? "btrim(m.relation_reference, @white_space)" : "NULL::text";

    private const string InDay = "x.program_id = @program AND x.occurred_at >= @day_start AND x.occurred_at < @as_of";

    private static readonly Func<bool, string, string>[] DayParts = [PointEntries, TierChanges, SegmentChanges, StatusChanges];

    private static readonly (int Days, string WindowStart, string WindowEnd, string ExpiryDate)[] ExpiringWindows =
        [(30, "@expiring_30_from", "@expiring_30_to", "@expiry_date_30"), (60, "@expiring_60_from", "@expiring_60_to", "@expiry_date_60"), (90, "@expiring_90_from", "@expiring_90_to", "@expiry_date_90")];

    /// <summary>A page of the events that happened during D (all before T_D).</summary>
    public static string DayPage => Page(DayParts.Select(part => Part(part(true, InDay), paged: true)), "occurred_at, event_id COLLATE \"C\"");

    /// <summary>
    /// A page of an intraday pass's events: the day's parts over the rows of the pass (<see cref="Intraday.PassRows"/>);
    /// never the expiring-soon events, which are defined at the day's close.
    /// </summary>
    public static string PassPage =>
        Page(DayParts.Select(part => Part(part(true, Intraday.PassRows.Condition("x")), paged: true)), "occurred_at, event_id COLLATE \"C\"");

    /// <summary>An intraday pass's events by name (what its pages list), for the hold rules.</summary>
    public static string CountPassByName =>
        $"SELECT ev.name, count(*) FROM (\n{string.Join("\nUNION ALL\n", DayParts.Select(part => Part(part(true, Intraday.PassRows.Condition("x")), paged: false)))}\n) ev GROUP BY ev.name";

    /// <summary>
    /// A page of the expiring-soon events, which all sit at T_D, after every other event of the day.
    /// Kept apart so only the pages that reach T_D pay for computing them.
    /// Every row sits at T_D, so the page is ordered by event id alone: that is each part's own order, so
    /// PostgreSQL merges the parts and stops at the page's end instead of computing a page for each window.
    /// </summary>
    public static string ExpiringPage =>
        Page(ExpiringWindows.Select(w => ExpiringSoonPart(w.Days, w.WindowStart, w.WindowEnd, w.ExpiryDate)), "event_id");

    /// <summary>The events of the day's rows by name; with <see cref="CountExpiringByName"/>, what the pages list.</summary>
    // The members are the ones SentMemberCondition lets through, tested the other way round: the unsendable
    // ones come from the partial index members_unsendable (a few percent of the program) instead of every
    // member's reference being trimmed and compared.
    public static string CountDayByName =>
        "SELECT x.name, count(*) FROM (\n" + string.Join("\nUNION ALL\n", DayParts.Select(part => Part(part(false, InDay), paged: false))) +
        $"""

        ) x
        JOIN loyalty.members m ON m.program_id = @program AND m.member_id = x.member_id AND m.enrolled_at < @as_of
        WHERE NOT EXISTS (SELECT 1 FROM loyalty.members z
                          WHERE z.program_id = @program AND z.member_id = x.member_id AND {CustomerIds.SqlIsUnsendable("z.relation_reference")})
          AND {NoUnknownEntryType("x.member_id")}
        GROUP BY x.name
        """;

    /// <summary>The expiring-soon events by name (one name), counted apart so both counts run at once.</summary>
    // Counted, a window's lots are summed per member first and only the members left with points are looked
    // up, once each, instead of once per lot before the sums (docs/ledger.md): the same members, a third
    // fewer buffers at 1,000,000 members. The member test depends on the member alone, so the order changes
    // nothing.
    public static string CountExpiringByName =>
        "SELECT 'loyalty_points_expiring_soon' AS name, count(*) FROM (\n" +
        string.Join("\nUNION ALL\n", ExpiringWindows.Select(w => $"({MembersWithExpiringPoints(w.WindowStart, w.WindowEnd)})")) +
        $"\n) x\nWHERE EXISTS (SELECT 1 FROM loyalty.members m WHERE {SentMemberCondition})";

    /// <summary>
    /// The events of one member (@member) of the day, in page order: the pages' parts unpaged, the member's filter
    /// pushed by PostgreSQL into each day part (an index lookup); the expiring-soon parts read the day's lots.
    /// </summary>
    public static string OfMember =>
        "SELECT ev.* FROM (\n" +
        string.Join("\nUNION ALL\n", DayParts.Select(part => Part(part(true, InDay), paged: false))
            .Concat(ExpiringWindows.Select(w => $"({ExpiringSoon(w.Days, w.WindowStart, w.WindowEnd, w.ExpiryDate, paged: false)})"))) +
        "\n) ev WHERE ev.member_id COLLATE \"C\" = @member::text COLLATE \"C\" ORDER BY ev.occurred_at, ev.event_id COLLATE \"C\"";

    private static string Page(IEnumerable<string> parts, string order) =>
        $"SELECT ev.* FROM (\n{string.Join("\nUNION ALL\n", parts)}\n) ev ORDER BY {order} LIMIT @limit";

    private static string Part(string body, bool paged) => paged
        ? $"(SELECT * FROM ({body}) k WHERE (k.occurred_at > @after_at OR (k.occurred_at = @after_at AND k.event_id COLLATE \"C\" > @after_id)) AND k.occurred_at >= @after_at ORDER BY k.occurred_at, k.event_id COLLATE \"C\" LIMIT @limit)"
        : $"({body})";

    // Every expiring-soon event sits at T_D (@as_of), so (occurred_at, event_id) order is event_id order; the
    // body hands its groups over in that order, so a page stops after its rows instead of computing the window.
    private static string ExpiringSoonPart(int days, string windowStart, string windowEnd, string expiryDate) =>
        $"(SELECT * FROM ({ExpiringSoon(days, windowStart, windowEnd, expiryDate, paged: true)}) k " +
        "WHERE (k.occurred_at > @after_at OR (k.occurred_at = @after_at AND k.event_id > @after_id)) AND k.occurred_at >= @after_at ORDER BY k.event_id LIMIT @limit)";

    private static string PointEntries(bool lookup, string rows) => $"""
        SELECT 'pe-' || x.entry_id AS event_id,
               CASE x.entry_type WHEN 'redemption' THEN 'loyalty_points_redeemed'
                                 WHEN 'expiry' THEN 'loyalty_points_expired'
                                 WHEN 'redemption_reversal' THEN 'loyalty_redemption_reversed'
                                 ELSE 'loyalty_points_earned' END AS name,
               x.member_id, {Customer(lookup)} AS customer_id, x.occurred_at, x.points::bigint AS points, x.entry_type,
               x.transaction_id, x.transaction_amount, x.currency, x.channel, x.campaign_id, x.redemption_id, x.reason, x.expires_at,
               NULL::text AS from_value, NULL::text AS to_value, NULL::int AS days, NULL::text AS expiry_date
        FROM loyalty.point_entries x
        {SentMember(lookup)}
        WHERE {rows} AND x.entry_type IN {EntryTypes.KnownSql}
        """;

    // A tier change is an event only when both tiers are among the program's tiers and their ranks
    // differ; a row naming an unknown tier is a ledger anomaly (counted by LedgerAnomalyQuery), never a guess.
    private static string TierChanges(bool lookup, string rows) => $"""
        SELECT 'tier-' || x.history_id AS event_id,
               CASE WHEN array_position(@tiers, x.tier) > array_position(@tiers, prev.tier) THEN 'loyalty_tier_upgraded'
                    ELSE 'loyalty_tier_downgraded' END AS name,
               x.member_id, {Customer(lookup)} AS customer_id, x.occurred_at, NULL::bigint, NULL::text, NULL::text, NULL::numeric, NULL::text,
               NULL::text, NULL::text, NULL::text, NULL::text, NULL::timestamptz, prev.tier AS from_value, x.tier AS to_value, NULL::int, NULL::text
        FROM loyalty.member_tier_history x
        {SentMember(lookup)}
        CROSS JOIN LATERAL {HistorySql.PreviousRow("member_tier_history", "tier")} prev
        WHERE {rows} AND array_position(@tiers, x.tier) <> array_position(@tiers, prev.tier)
        """;

    private static string SegmentChanges(bool lookup, string rows) => $"""
        SELECT 'seg-' || x.history_id AS event_id,
               CASE x.change WHEN 'entered' THEN 'loyalty_segment_entered' ELSE 'loyalty_segment_exited' END AS name,
               x.member_id, {Customer(lookup)} AS customer_id, x.occurred_at, NULL::bigint, NULL::text, NULL::text, NULL::numeric, NULL::text,
               NULL::text, NULL::text, NULL::text, NULL::text, NULL::timestamptz, x.segment AS from_value, NULL::text, NULL::int, NULL::text
        FROM loyalty.segment_history x
        {SentMember(lookup)}
        WHERE {rows} AND x.change IN ('entered', 'exited')
        """;

    // Only changes to active or suspended are events, and only when the status really changed;
    // the first row is the status at enrolment, not a change.
    private static string StatusChanges(bool lookup, string rows) => $"""
        SELECT 'st-' || x.history_id AS event_id,
               CASE x.status WHEN 'active' THEN 'loyalty_member_activated' ELSE 'loyalty_member_suspended' END AS name,
               x.member_id, {Customer(lookup)} AS customer_id, x.occurred_at, NULL::bigint, NULL::text, NULL::text, NULL::numeric, NULL::text,
               NULL::text, NULL::text, NULL::text, NULL::text, NULL::timestamptz, prev.status AS from_value, x.status AS to_value, NULL::int, NULL::text
        FROM loyalty.member_status_history x
        {SentMember(lookup)}
        CROSS JOIN LATERAL {HistorySql.PreviousRow("member_status_history", "status")} prev
        WHERE {rows} AND x.status IN ('active', 'suspended') AND x.status <> prev.status
        """;

    // Remaining points as of T_D of credit lots expiring on local date D+N, one event per member and N.
    // An over-allocated lot counts 0 (clamped), as in the member attributes. One part per N, so each
    // window is a constant range on the expiry index. The window's lots are sorted by event id (cheap:
    // one day's lots) before the per-lot lookups, and grouped in that order; paged, only the lots after
    // the cursor's event id are looked up, and only until the page is full.
    private static string ExpiringSoon(int days, string windowStart, string windowEnd, string expiryDate, bool paged) => $"""
        SELECT x.event_id, 'loyalty_points_expiring_soon' AS name,
               min(x.member_id) AS member_id, min({Customer(true)}) AS customer_id, @as_of AS occurred_at,
               sum(greatest(x.points - coalesce(used.points, 0), 0))::bigint AS points,
               NULL::text AS entry_type, NULL::text AS transaction_id, NULL::numeric AS transaction_amount, NULL::text AS currency,
               NULL::text AS channel, NULL::text AS campaign_id, NULL::text AS redemption_id, NULL::text AS reason,
               NULL::timestamptz AS expires_at, NULL::text AS from_value, NULL::text AS to_value, {days} AS days, min({expiryDate}) AS expiry_date
        FROM (SELECT ('xs{days}-' || l.member_id || '-' || @business_date) COLLATE "C" AS event_id, l.program_id, l.member_id, l.entry_id, l.points
              FROM loyalty.point_entries l
              WHERE {LotsExpiring("l", windowStart, windowEnd)}
                {(paged ? $"AND (@as_of > @after_at OR ('xs{days}-' || l.member_id || '-' || @business_date) COLLATE \"C\" > @after_id)" : "")}
              ORDER BY 1) x
        {SentMember(true)}
        {UsedPoints("x")}
        GROUP BY x.event_id
        HAVING {HasRemainingPoints("x")}
        """;

    // The members of the program (sent or not) with remaining points as of T_D in the credit lots expiring in one window.
    private static string MembersWithExpiringPoints(string windowStart, string windowEnd) => $"""
        SELECT x.member_id FROM loyalty.point_entries x
        {UsedPoints("x")}
        WHERE {LotsExpiring("x", windowStart, windowEnd)}
        GROUP BY x.member_id
        HAVING {HasRemainingPoints("x")}
        """;

    private static string LotsExpiring(string lot, string windowStart, string windowEnd) =>
        $"{lot}.program_id = @program AND {lot}.expires_at >= {windowStart} AND {lot}.expires_at < {windowEnd} " +
        $"AND {lot}.occurred_at < @as_of AND {lot}.entry_type IN {EntryTypes.CreditsSql}";

    // used.points: the points taken from lot <lot> by debits before T_D.
    private static string UsedPoints(string lot) => $"""
        LEFT JOIN LATERAL (
            SELECT sum(a.points) AS points FROM loyalty.point_allocations a
            JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
            WHERE a.credit_entry_id = {lot}.entry_id AND d.occurred_at < @as_of) used ON true
        """;

    private static string HasRemainingPoints(string lot) => $"sum(greatest({lot}.points - coalesce(used.points, 0), 0)) > 0";
}

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// Counts for the run report and the hold rules, read before anything of the day is sent: the members
/// sent, those skipped by reason, and the events by name. Every key is always present (zeros included) so
/// a report reads the same shape every night. The ledger's anomalies are counted apart, by
/// <see cref="LedgerAnomalyQuery"/>, so a run does not wait for them (docs/ledger.md).
/// </summary>
public sealed class SnapshotSummaryQuery(NpgsqlDataSource dataSource, EventSnapshotQuery events)
{
    // Before MembersSql: static fields are initialized in the order they are written.
    private static readonly string Unsendable = CustomerIds.SqlIsUnsendable("m.relation_reference");

    // Counted through the ledger's indexes (docs/ledger.md), never member by member: all members from
    // members_by_enrolment, the unsendable ones from the partial index members_unsendable (its condition
    // is CustomerIds.SqlIsUnsendable, written the same here), those with unknown entry types from
    // entries_unknown_type. Skip reasons apply in the order missing, disallowed, unknown entry type; the
    // missing and the disallowed are both counted in one pass over the unsendable members.
    private static readonly string MembersSql = $"""
        SELECT
          (SELECT count(*) FROM loyalty.members m WHERE m.program_id = @program AND m.enrolled_at < @as_of) AS enrolled,
          unsendable.missing_reference, unsendable.disallowed_reference,
          (SELECT count(*) FROM loyalty.members m
            WHERE m.program_id = @program AND m.enrolled_at < @as_of AND NOT {Unsendable}
              AND m.member_id IN (SELECT u.member_id FROM loyalty.point_entries u
                                  WHERE u.program_id = @program AND u.occurred_at < @as_of AND u.entry_type NOT IN {EntryTypes.KnownSql})) AS unknown_entry_type
        FROM (SELECT count(*) FILTER (WHERE {CustomerIds.SqlIsBlank("m.relation_reference")}) AS missing_reference,
                     count(*) FILTER (WHERE NOT {CustomerIds.SqlIsBlank("m.relation_reference")}) AS disallowed_reference
              FROM loyalty.members m WHERE m.program_id = @program AND m.enrolled_at < @as_of AND {Unsendable}) unsendable
        """;

    public async Task<SnapshotSummary> ReadAsync(SnapshotScope scope, CancellationToken ct)
    {
        // Two independent statements, each on its own connection at once: the summary takes the
        // longer of them, not their sum.
        var members = ReadMembersAsync(scope, ct);
        var eventCounts = events.CountByNameAsync(scope, ct);
        await Task.WhenAll(members, eventCounts);
        var (sent, skipped) = await members;
        return new SnapshotSummary(scope.ProgramId, scope.BusinessDate, scope.AsOfUtc, sent, skipped, await eventCounts);
    }

    private async Task<(long Sent, Dictionary<string, long> Skipped)> ReadMembersAsync(SnapshotScope scope, CancellationToken ct)
    {
        await using var connection = await SerialConnection.OpenAsync(dataSource, ct);
        await using var command = new NpgsqlCommand(MembersSql, connection) { CommandTimeout = StatementTimeout.Seconds };
        command.Parameters.AddWithValue("program", scope.ProgramId);
        command.Parameters.AddWithValue("as_of", scope.AsOfUtc);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var enrolled = reader.GetInt64(reader.GetOrdinal("enrolled"));
        var skipped = new Dictionary<string, long>
        {
            [CustomerIds.MissingReference] = reader.GetInt64(reader.GetOrdinal("missing_reference")),
            [CustomerIds.DisallowedReference] = reader.GetInt64(reader.GetOrdinal("disallowed_reference")),
            [LedgerAnomalyQuery.UnknownEntryType] = reader.GetInt64(reader.GetOrdinal("unknown_entry_type")),
        };
        return (enrolled - skipped.Values.Sum(), skipped);
    }
}

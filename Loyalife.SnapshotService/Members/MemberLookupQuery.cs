namespace Loyalife.SnapshotService.Members;

/// <summary>
/// One member of a closed day (its reference and skip reason, the reasons the summary counts), and the members
/// behind a customer id. The member's attributes and events come from the page queries, narrowed to it.
/// </summary>
public sealed class MemberLookupQuery(NpgsqlDataSource dataSource)
{
    public const int MaxMatches = 100;

    private static readonly string MemberSql = $"""
        SELECT m.relation_reference,
               EXISTS (SELECT 1 FROM loyalty.point_entries u
                       WHERE u.program_id = m.program_id AND u.member_id COLLATE "C" = m.member_id COLLATE "C"
                         AND u.occurred_at < @as_of AND u.entry_type NOT IN {EntryTypes.KnownSql}) AS unknown_entry_type
        FROM loyalty.members m
        WHERE m.program_id = @program AND m.member_id = @member AND m.enrolled_at < @as_of
        """;

    // No index serves a trimmed reference: one pass over the program's members, an admin's lookup, not a run's.
    private const string CustomerSql = """
        SELECT m.member_id FROM loyalty.members m
        WHERE m.program_id = @program AND btrim(m.relation_reference, @white_space) = @customer
        ORDER BY m.member_id COLLATE "C" LIMIT @limit
        """;

    /// <summary>The member enrolled before the day's end, or null.</summary>
    public async Task<MemberRow?> FindAsync(SnapshotScope scope, string memberId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(MemberSql);
        command.Parameters.AddWithValue("program", scope.ProgramId);
        command.Parameters.AddWithValue("member", memberId);
        command.Parameters.AddWithValue("as_of", scope.AsOfUtc);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var reference = reader["relation_reference"] as string;
        var skip = CustomerIds.SkipReason(reference)
            ?? ((bool)reader["unknown_entry_type"] ? LedgerAnomalyQuery.UnknownEntryType : null);
        var customerId = reference?.Trim(CustomerIds.WhiteSpace.ToCharArray());
        return new MemberRow(memberId, string.IsNullOrEmpty(customerId) ? null : customerId, skip);
    }

    public async Task<IReadOnlyList<string>> FindByCustomerIdAsync(string programId, string customerId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CustomerSql);
        command.Parameters.AddWithValue("program", programId);
        command.Parameters.AddWithValue("white_space", CustomerIds.WhiteSpace);
        command.Parameters.AddWithValue("customer", customerId.Trim(CustomerIds.WhiteSpace.ToCharArray()));
        command.Parameters.AddWithValue("limit", MaxMatches);
        return await command.ReadAllAsync(reader => (string)reader["member_id"], ct);
    }
}

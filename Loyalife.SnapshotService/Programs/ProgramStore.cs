namespace Loyalife.SnapshotService.Programs;

/// <summary>Reads `loyalty.programs`; small and read per request, so no cache to go stale.</summary>
public sealed class ProgramStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "program_id, name, time_zone, tiers";

    public async Task<IReadOnlyList<LoyaltyProgram>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM loyalty.programs ORDER BY program_id COLLATE \"C\"");
        return await command.ReadAllAsync(Read, ct);
    }

    public async Task<LoyaltyProgram?> FindAsync(string programId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM loyalty.programs WHERE program_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = programId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static LoyaltyProgram Read(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3));
}

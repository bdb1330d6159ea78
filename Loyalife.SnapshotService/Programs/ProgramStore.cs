namespace Loyalife.SnapshotService.Programs;

/// <summary>Reads `loyalty.programs`; small and read per request, so no cache to go stale.</summary>
public sealed class ProgramStore(NpgsqlDataSource dataSource)
{
    private const string ColumnList = "program_id, name, time_zone, tiers";

    public async Task<IReadOnlyList<LoyaltyProgram>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ColumnList} FROM loyalty.programs ORDER BY program_id COLLATE \"C\"");
        return await command.ReadRowsAsync(Columns, ct);
    }

    public async Task<LoyaltyProgram?> FindAsync(string programId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ColumnList} FROM loyalty.programs WHERE program_id = @program");
        command.Parameters.AddWithValue("program", programId);
        return await command.ReadRowAsync(Columns, ct);
    }

    private static Func<LoyaltyProgram> Columns(NpgsqlDataReader reader)
    {
        int id = reader.GetOrdinal("program_id"), name = reader.GetOrdinal("name"), zone = reader.GetOrdinal("time_zone"), tiers = reader.GetOrdinal("tiers");
        return () => new(reader.GetString(id), reader.GetString(name), reader.GetString(zone), reader.GetFieldValue<string[]>(tiers));
    }
}

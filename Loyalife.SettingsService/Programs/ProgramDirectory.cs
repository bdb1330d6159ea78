namespace Loyalife.SettingsService.Programs;

/// <summary>Loyalife's programs, read from <c>loyalty.programs</c> (owned by Loyalife's core; read-only here).</summary>
public sealed class ProgramDirectory(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<LoyaltyProgram>> ListAsync(CancellationToken ct)
    {
        var programs = new List<LoyaltyProgram>();
        try
        {
            await using var command = db.CreateCommand("SELECT program_id, name, time_zone FROM loyalty.programs ORDER BY program_id");
            await using var reader = await command.ExecuteReaderAsync(ct);
            int id = reader.GetOrdinal("program_id"), name = reader.GetOrdinal("name"), zone = reader.GetOrdinal("time_zone");
            while (await reader.ReadAsync(ct))
            {
                programs.Add(new LoyaltyProgram(reader.GetString(id), reader.GetString(name), reader.GetString(zone)));
            }
        }
        catch (PostgresException exception) when (IsMissingLedger(exception))
        {
        }

        return programs;
    }

    public async Task<bool> ExistsAsync(string programId, CancellationToken ct)
    {
        try
        {
            await using var command = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM loyalty.programs WHERE program_id = @program_id)");
            command.Parameters.AddWithValue("program_id", programId);
            return (bool)(await command.ExecuteScalarAsync(ct))!;
        }
        catch (PostgresException exception) when (IsMissingLedger(exception))
        {
            return false;
        }
    }

    // Before Loyalife's core (or the demo generator) has created the ledger there are simply no programs.
    private static bool IsMissingLedger(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName;
}

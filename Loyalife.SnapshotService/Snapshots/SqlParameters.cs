namespace Loyalife.SnapshotService.Snapshots;

internal static class SqlParameters
{
    /// <summary>Adds <paramref name="values"/> as the positional parameters $1, $2, … in order.</summary>
    public static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
    }
}

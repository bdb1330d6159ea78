namespace Loyalife.AppHost.Infrastructure;

/// <summary>The machine's own PostgreSQL and Redis binaries.</summary>
internal static class LocalServers
{
    public static string? Postgres => MachineProgram.Find("postgres", MachineProgram.PostgresBinDirectories);

    public static string? InitDb => MachineProgram.Find("initdb", MachineProgram.PostgresBinDirectories);

    public static string? Redis => MachineProgram.Find("redis-server");

    /// <summary>What is missing for local mode, in words for the error message; empty when nothing is.</summary>
    public static string Missing()
    {
        var missing = new List<string>();
        if (Postgres is null || InitDb is null)
        {
            missing.Add("PostgreSQL server binaries (postgres, initdb)");
        }

        if (Redis is null)
        {
            missing.Add("redis-server");
        }

        if (MachineProgram.IsRoot && (MachineProgram.Find("runuser") is null || !PostgresUserExists()))
        {
            missing.Add("the postgres user and runuser (PostgreSQL refuses to run as root)");
        }

        return string.Join(" and ", missing);
    }

    private static bool PostgresUserExists() =>
        File.Exists("/etc/passwd") && File.ReadLines("/etc/passwd").Any(line => line.StartsWith("postgres:", StringComparison.Ordinal));
}

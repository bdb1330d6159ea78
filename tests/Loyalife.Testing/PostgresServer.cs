using Npgsql;

namespace Loyalife.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's own binaries, on a free loopback port,
/// started once per test process (<see cref="Shared"/>) and removed when the process exits.
/// Each test class takes its own database from it; a test that must take the server down starts its own.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string Install = "apt-get install -y postgresql (PostgreSQL 15 server binaries: initdb, pg_ctl)";
    private static readonly Lazy<Task<PostgresServer>> Started = new(StartAsync);
    private readonly string dataDirectory;
    private readonly string pgCtl;

    private PostgresServer(string dataDirectory, string pgCtl, int port)
    {
        this.dataDirectory = dataDirectory;
        this.pgCtl = pgCtl;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public static Task<PostgresServer> Shared => Started.Value;

    public static async Task<PostgresServer> StartAsync()
    {
        var binDirectories = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).ToArray()
            : [];
        var initdb = Prerequisite.Find("initdb", Install, binDirectories);
        var pgCtl = Prerequisite.Find("pg_ctl", Install, binDirectories);

        var dataDirectory = Directory.CreateTempSubdirectory("loyalife-pg-").FullName;
        if (Prerequisite.IsRoot)
        {
            // The server refuses to run as root; the cluster belongs to the postgres user.
            await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory]);
        }

        await RunAsPostgresAsync(initdb, ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        var server = new PostgresServer(dataDirectory, pgCtl, FreePort.Next());
        await server.RestartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        var stop = Prerequisite.IsRoot ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
        ParentWatch.CleanUpAfterExit($"{stop} -D {dataDirectory} -m immediate -w stop >/dev/null 2>&1; rm -rf {dataDirectory}");
        return server;
    }

    /// <summary>Creates an empty database and answers its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "test_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    /// <summary>Stops the server as a crash would (immediate mode: every connection cut), keeping its data.</summary>
    public Task CrashAsync() => RunAsPostgresAsync(pgCtl, ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], check: false);

    /// <summary>Starts the server (again) on the same port and data.</summary>
    public Task RestartAsync()
    {
        var options = $"-p {Port} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        return RunAsPostgresAsync(pgCtl, ["-D", dataDirectory, "-o", options, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "start"]);
    }

    public async Task StopAsync()
    {
        if (!Directory.Exists(dataDirectory))
        {
            return;
        }

        await CrashAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static Task RunAsPostgresAsync(string program, string[] arguments, bool check = true) =>
        Prerequisite.IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], check)
            : RunAsync(program, arguments, check);

    private static async Task RunAsync(string program, string[] arguments, bool check = true)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}

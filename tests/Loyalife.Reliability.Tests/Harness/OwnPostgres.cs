using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Loyalife.Reliability.Tests.Harness;

/// <summary>
/// A PostgreSQL cluster of this test's own that can be stopped (immediate mode, like a crash) and started
/// again on the same port and data (PostgresServer.Shared is shared, and its stop deletes the data).
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private const string Install = "apt-get install -y postgresql (PostgreSQL 15 server binaries: initdb, pg_ctl)";
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("loyalife-reliability-pg-").FullName;
    private readonly string pgCtl;
    private readonly string initdb;

    public OwnPostgres()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).ToArray()
            : [];
        initdb = Prerequisite.Find("initdb", Install, bin);
        pgCtl = Prerequisite.Find("pg_ctl", Install, bin);
    }

    public int Port { get; } = FreePort.Next();

    public async Task<string> StartAsync()
    {
        if (Prerequisite.IsRoot)
        {
            // The server refuses to run as root; the cluster belongs to the postgres user.
            await RunAsync("chown", ["-R", "postgres:postgres", dataDirectory]);
        }

        await RunAsPostgresAsync(initdb, ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        var stop = Prerequisite.IsRoot ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
        ParentWatch.CleanUpAfterExit($"{stop} -D {dataDirectory} -m immediate -w stop >/dev/null 2>&1; rm -rf {dataDirectory}");
        await StartAgainAsync();
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE DATABASE reliability", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database=reliability";
    }

    public Task StartAgainAsync()
    {
        var options = $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {dataDirectory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        return RunAsPostgresAsync(pgCtl, ["-D", dataDirectory, "-o", options, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "start"]);
    }

    /// <summary>Immediate mode: every connection is cut at once, as when the server crashes.</summary>
    public Task StopAsync() => RunAsPostgresAsync(pgCtl, ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], check: false);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await StopAsync();
        }

        Directory.Delete(dataDirectory, recursive: true);
    }

    private static Task RunAsPostgresAsync(string program, string[] arguments, bool check = true) =>
        Prerequisite.IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], check) : RunAsync(program, arguments, check);

    private static async Task RunAsync(string program, string[] arguments, bool check = true)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}

using System.Globalization;
using System.Net.Sockets;

namespace Loyalife.Testing;

/// <summary>
/// A throwaway redis-server without persistence on a free loopback port: one per test process (<see cref="Shared"/>),
/// or a test's own from <see cref="StartAsync"/>, which it may <see cref="Stop"/> and start again where its
/// clients still point (<see cref="RestartAsync"/>). Whatever runs is killed when the test process ends, however it ends.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly Lazy<Task<RedisServer>> Started = new(StartAsync);

    // The running server's pid, for the clean-up after the test process is gone: a restart changes it, and a
    // stopped server leaves none, so the clean-up never kills a pid the machine has since handed to another process.
    private readonly string pidFile = Path.Combine(Path.GetTempPath(), $"loyalife-redis-{Guid.NewGuid():N}.pid");
    private Process? process;

    private RedisServer()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        ParentWatch.CleanUpAfterExit($"kill -9 $(cat {pidFile} 2>/dev/null) 2>/dev/null; rm -f {pidFile}");
    }

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>For clients of a server that goes away: they keep trying instead of failing at their first connect.</summary>
    public string ReconnectingConnectionString => $"{ConnectionString},abortConnect=false";

    public static Task<RedisServer> Shared => Started.Value;

    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer();
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts the server (again) on the same port, empty; returns once it takes connections.</summary>
    public async Task RestartAsync()
    {
        var redis = Prerequisite.Find("redis-server", "apt-get install -y redis-server");
        string[] arguments = ["--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        process = Process.Start(new ProcessStartInfo(redis, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await File.WriteAllTextAsync(pidFile, process.Id.ToString(CultureInfo.InvariantCulture));
        // Read both streams so that a chatty server never blocks on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ListeningAsync(process);
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
        File.Delete(pidFile);
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    // Returns once the server takes connections; throws if it exits first or is not listening within 10 s.
    private async Task ListeningAsync(Process started)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start with code {started.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"redis-server did not listen on {Port} within 10 s");
    }
}

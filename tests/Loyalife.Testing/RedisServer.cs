using System.Net.Sockets;

namespace Loyalife.Testing;

/// <summary>A throwaway redis-server on a free loopback port, one per test process (<see cref="Shared"/>).</summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly Lazy<Task<RedisServer>> Started = new(StartAsync);
    private readonly Process process;

    private RedisServer(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static Task<RedisServer> Shared => Started.Value;

    public static async Task<RedisServer> StartAsync()
    {
        var redis = Prerequisite.Find("redis-server", "apt-get install -y redis-server");
        var port = FreePort.Next();
        var start = new ProcessStartInfo(redis) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        ParentWatch.CleanUpAfterExit($"kill -9 {process.Id} 2>/dev/null");
        await WaitForPortAsync(port, process);
        return server;
    }

    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private static async Task WaitForPortAsync(int port, Process process)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited at start with code {process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"redis-server did not listen on {port} within 5 s");
    }
}

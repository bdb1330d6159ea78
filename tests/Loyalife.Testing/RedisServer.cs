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
        var port = FreePort.Next();
        var process = RedisProcess.Start(port);
        var server = new RedisServer(process, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        ParentWatch.CleanUpAfterExit($"kill -9 {process.Id} 2>/dev/null");
        await RedisProcess.ListeningAsync(process, port);
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
}

using System.Diagnostics;

namespace Loyalife.Reliability.Tests.Support;

/// <summary>
/// A redis-server of this test's own on a fixed port, so it can be killed and started again where the
/// dispatcher's connection string still points (RedisServer.Shared is shared and cannot be stopped).
/// </summary>
public sealed class OwnRedis : IAsyncDisposable
{
    private Process? process;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public async Task StartAsync()
    {
        process = RedisProcess.Start(Port);
        await RedisProcess.ListeningAsync(process, Port);
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
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}

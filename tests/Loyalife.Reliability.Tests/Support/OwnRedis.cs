using System.Diagnostics;
using System.Net.Sockets;

namespace Loyalife.Reliability.Tests.Support;

/// <summary>
/// A redis-server of this test's own on a fixed port, so it can be killed and started again where the
/// dispatcher's connection string still points (RedisServer.Shared is shared and cannot be stopped).
/// </summary>
public sealed class OwnRedis : IAsyncDisposable
{
    private readonly string redis = Prerequisite.Find("redis-server", "apt-get install -y redis-server");
    private Process? process;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(redis) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await Wait.UntilAsync(
            async () =>
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync("127.0.0.1", Port);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            up => up,
            TimeSpan.FromSeconds(10),
            _ => $"redis-server did not listen on {Port}");
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

using System.Globalization;
using System.Net.Sockets;

namespace Loyalife.Testing;

/// <summary>
/// A redis-server without persistence on a loopback port: how both the shared server and a test's own (one it
/// kills and starts again) come up, so the two cannot drift apart.
/// </summary>
public static class RedisProcess
{
    /// <summary>Starts it; the caller registers its clean-up, then waits with <see cref="ListeningAsync"/>.</summary>
    public static Process Start(int port)
    {
        var redis = Prerequisite.Find("redis-server", "apt-get install -y redis-server");
        string[] arguments = ["--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        var process = Process.Start(new ProcessStartInfo(redis, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        // Read both streams so that a chatty server never blocks on a full pipe.
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Returns once the server takes connections; throws if it exits first or is not listening within 10 s.</summary>
    public static async Task ListeningAsync(Process process, int port)
    {
        for (var attempt = 0; attempt < 200; attempt++)
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

        throw new TimeoutException($"redis-server did not listen on {port} within 10 s");
    }
}

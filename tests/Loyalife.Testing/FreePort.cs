using System.Globalization;
using System.Net.Sockets;

namespace Loyalife.Testing;

/// <summary>
/// Loopback TCP ports for servers a test starts. A test often picks a port seconds before it binds it (a
/// provider and a service that must know each other's address), and every project's tests run at once, so a
/// port handed out by the OS could be taken in between: by another process's bind to port 0 or by any outgoing
/// connection, both of which draw from the OS's ephemeral range. Ports therefore come from outside that range,
/// and each is claimed by a file every test process sees, so no two processes are given the same one.
/// </summary>
public static class FreePort
{
    private static readonly string ClaimDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "loyalife-test-ports")).FullName;

    /// <summary>Longer than any test's pick-to-bind; after its bind the OS keeps the port from everyone else.</summary>
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(10);

    private static readonly (int First, int Last) Range = OutsideEphemeralRange();

    public static int Next()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Range.First, Range.Last + 1);
            if (TryClaim(port) && IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port in {Range.First}–{Range.Last} after 1000 tries; see {ClaimDirectory}.");
    }

    private static bool TryClaim(int port)
    {
        var claim = Path.Combine(ClaimDirectory, port.ToString(CultureInfo.InvariantCulture));
        try
        {
            if (File.Exists(claim) && DateTime.UtcNow - File.GetLastWriteTimeUtc(claim) > ClaimLifetime)
            {
                File.Delete(claim);
            }

            using var created = new FileStream(claim, FileMode.CreateNew, FileAccess.Write);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The larger stretch of ports above 10000 on either side of Linux's ip_local_port_range.</summary>
    private static (int First, int Last) OutsideEphemeralRange()
    {
        const string rangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var (low, high) = (32768, 60999); // Linux's default, also assumed where the file does not exist
        if (File.Exists(rangeFile))
        {
            var bounds = File.ReadAllText(rangeFile).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            (low, high) = (int.Parse(bounds[0], CultureInfo.InvariantCulture), int.Parse(bounds[1], CultureInfo.InvariantCulture));
        }

        // Below 10000 live the well-known servers (PostgreSQL, Redis, …) a developer's machine may run.
        (int First, int Last) below = (10000, low - 1), above = (high + 1, 65535);
        var outside = below.Last - below.First >= above.Last - above.First ? below : above;

        // Where the OS hands out nearly every port itself, no stretch is safe from it: all of them, and the claims
        // still keep test processes apart.
        return outside.Last - outside.First >= 1000 ? outside : (10000, 65535);
    }
}

using System.Globalization;

namespace Loyalife.Bench.StandIn;

/// <summary>User plus system CPU seconds of another process, from Linux's /proc; 0 where unavailable.</summary>
internal static class ProcessCpu
{
    // Linux reports /proc times in USER_HZ, which is 100 on every mainstream architecture.
    private const double TicksPerSecond = 100;

    public static double Seconds(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return 0;
        }

        // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture))
            / TicksPerSecond;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Loyalife.Bench.StandIn;

/// <summary>
/// What both benchmarks print from: how long the measured sending took, the stand-in's CPU seconds over it
/// (0 without its process id) and its stats afterwards.
/// </summary>
internal sealed record Measurement(double Seconds, double CpuSeconds, JsonElement Stats)
{
    public static async Task<Measurement> TakeAsync(HttpClient http, string statsUrl, int? standInPid, Func<Task> send)
    {
        var cpuBefore = ProcessCpu.Seconds(standInPid);
        var clock = Stopwatch.StartNew();
        await send();
        clock.Stop();
        var cpu = ProcessCpu.Seconds(standInPid) - cpuBefore;
        var stats = JsonDocument.Parse(await http.GetStringAsync(statsUrl)).RootElement;
        return new(clock.Elapsed.TotalSeconds, cpu, stats);
    }

    /// <summary>
    /// Prints the elapsed time and, where known, the stand-in's CPU time, each followed by the amounts per second of it:
    /// "elapsed 2.0 s: 10 MB/s" and "stand-in CPU 1.0 s: 20 MB per CPU-second".
    /// </summary>
    public void PrintRates(string secondsFormat, params (double Amount, string Format, string Unit)[] amounts)
    {
        Console.WriteLine(Rates("elapsed", Seconds, "/s"));
        if (CpuSeconds > 0)
        {
            Console.WriteLine(Rates("stand-in CPU", CpuSeconds, " per CPU-second"));
        }

        string Rates(string what, double seconds, string per) =>
            $"{what} {seconds.ToString(secondsFormat, CultureInfo.InvariantCulture)} s: " +
            string.Join(", ", amounts.Select(a => $"{(a.Amount / seconds).ToString(a.Format, CultureInfo.InvariantCulture)} {a.Unit}{per}"));
    }
}

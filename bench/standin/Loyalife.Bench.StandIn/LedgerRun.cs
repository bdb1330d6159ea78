using System.Globalization;

namespace Loyalife.Bench.StandIn;

/// <summary>
/// Sends a ledger-scale night (<see cref="LedgerBodies"/>) and prints throughput and the stand-in's memory:
/// resident set now and at its peak, read from Linux's /proc.
/// </summary>
internal static class LedgerRun
{
    public static async Task<int> RunAsync(HttpClient http, string url, string statsUrl, int members, int events,
        int bodyBytes, int concurrency, int? standInPid)
    {
        var bodies = new LedgerBodies(members, events, bodyBytes);
        var rssBefore = Memory(standInPid, "VmRSS");
        long bytes = 0;
        long requests = 0;
        var measured = await Measurement.TakeAsync(http, statsUrl, standInPid, () => Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (bodies.Next() is { } body)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync(url, content);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                Interlocked.Add(ref bytes, body.Length);
                Interlocked.Increment(ref requests);
            }
        })));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ledger night: {members:N0} members, {events:N0} events = {bodies.Elements:N0} elements in {requests:N0} Bulk requests ({bytes / 1_000_000.0:0} MB), {concurrency} connections"));
        measured.PrintRates("0.0", (bodies.Elements, "0", "elements"), (bytes / 1_000_000.0, "0.0", "MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stand-in RSS: {rssBefore / 1024.0:0} MB before, {Memory(standInPid, "VmRSS") / 1024.0:0} MB after, {Memory(standInPid, "VmHWM") / 1024.0:0} MB peak"));
        Console.WriteLine($"stand-in stats: {measured.Stats}");
        return 0;
    }

    /// <summary>A /proc/{pid}/status field in kB; 0 where unavailable.</summary>
    private static long Memory(int? pid, string field)
    {
        var path = $"/proc/{pid}/status";
        if (pid is null || !File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}

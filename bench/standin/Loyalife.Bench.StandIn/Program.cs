using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Loyalife.Bench.StandIn;

// Posts pre-built Bulk bodies to a running stand-in and prints its ingest rate.
// Usage: Loyalife.Bench.StandIn <baseUrl> <appId> <apiKey> [requests=2000] [bodyBytes=97280] [concurrency=4] [standInPid]
//    or: Loyalife.Bench.StandIn <baseUrl> <appId> <apiKey> ledger <members> <events> [concurrency=4] [standInPid]
// With the stand-in's process id it also prints the stand-in's CPU time during the measured run (Linux),
// the figure that stays honest when other processes share the machine; the ledger night also its memory.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Loyalife.Bench.StandIn <baseUrl> <appId> <apiKey> [requests] [bodyBytes] [concurrency] | ledger <members> <events> [concurrency] [pid]");
    return 2;
}

var (baseUrl, appId, apiKey) = (args[0].TrimEnd('/'), args[1], args[2]);
if (args.Length > 3 && args[3] == "ledger")
{
    var ledgerConcurrency = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 4;
    using var ledgerHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = ledgerConcurrency }) { Timeout = TimeSpan.FromMinutes(5) };
    ledgerHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{apiKey}")));
    return await LedgerRun.RunAsync(ledgerHttp, $"{baseUrl}/dc/01/v1/transition/{appId}", $"{baseUrl}/control/workspaces/{appId}/stats",
        int.Parse(args[4], CultureInfo.InvariantCulture), int.Parse(args[5], CultureInfo.InvariantCulture), 97_280, ledgerConcurrency,
        args.Length > 7 ? int.Parse(args[7], CultureInfo.InvariantCulture) : null);
}

var requests = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 2000;
var bodyBytes = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 95 * 1024;
var concurrency = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 4;
int? standInPid = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : null;

var bodies = BulkBodies.Create(requests, bodyBytes);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
    Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{apiKey}")));
var url = $"{baseUrl}/dc/01/v1/transition/{appId}";

async Task PostAllAsync(IReadOnlyList<byte[]> batch)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < batch.Count)
        {
            using var content = new ByteArrayContent(batch[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(url, content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"request {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }));
}

// Warm-up: JIT, connections, the stand-in's first allocations; not measured.
await PostAllAsync(bodies.Take(Math.Min(100, requests)).ToList());

var totalBytes = bodies.Sum(b => (long)b.Length);
var measured = await Measurement.TakeAsync(http, $"{baseUrl}/control/workspaces/{appId}/stats", standInPid, () => PostAllAsync(bodies));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{requests} Bulk requests, {totalBytes / (double)requests / 1024:0.0} KB average, {concurrency} connections"));
measured.PrintRates("0.00", (totalBytes / 1_000_000.0, "0.0", "MB"), (requests, "0", "requests"));
Console.WriteLine($"stand-in stats: {measured.Stats}");
return 0;

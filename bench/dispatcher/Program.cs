using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loyalife.Bench.Dispatcher;
using Loyalife.MoEngageStandIn;
using Loyalife.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

// Usage: dotnet run -c Release --project bench/dispatcher -- <dispatcher dll> <members> <events> <users-per-minute quota, 0 = unlimited>
var dispatcherDll = Path.GetFullPath(args[0]);
var members = int.Parse(args[1], CultureInfo.InvariantCulture);
var events = int.Parse(args[2], CultureInfo.InvariantCulture);
var quota = int.Parse(args[3], CultureInfo.InvariantCulture);
const string programId = "bench";
const string appId = "bench-workspace";
const string apiKey = "bench-key";
const string adminToken = "bench-admin";

var postgres = await PostgresServer.StartAsync();
var redis = await RedisServer.StartAsync();
var database = await postgres.CreateDatabaseAsync();

// The stand-in at the quota under test (or unlimited), with every synthetic customer an existing profile.
JsonNode? limit = quota == 0 ? null : quota;
await using var standIn = await MoEngageStandInHost.StartAsync();
(await standIn.Control.PutAsJsonAsync($"/control/workspaces/{appId}", new JsonObject
{
    ["dataCenter"] = "01", ["apiKey"] = apiKey, ["customerIdPattern"] = "^C\\d{7}$",
    ["limits"] = new JsonObject
    {
        ["bulkUsersPerMinute"] = limit?.DeepClone(), ["bulkEventsPerMinute"] = limit?.DeepClone(),
        ["trackUserPerMinute"] = null, ["createEventPerMinute"] = null,
    },
})).EnsureSuccessStatusCode();

var sources = new SyntheticSources(programId, appId, apiKey, standIn.ApiBaseUrlTemplate.Replace("{dc}", "01"), members, events);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
await using var dapr = builder.Build();
dapr.Map("/v1.0/invoke/{appId}/method/{**path}", (HttpContext http, string appId, string path) => sources.ServeAsync(http, appId, path));
await dapr.StartAsync();
var daprEndpoint = dapr.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

var port = FreePort.Next();
var start = new ProcessStartInfo("dotnet", [dispatcherDll]) { RedirectStandardOutput = true, RedirectStandardError = true };
start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
start.Environment["ConnectionStrings__loyalife"] = database;
start.Environment["ConnectionStrings__redis"] = redis.ConnectionString;
start.Environment["DAPR_HTTP_ENDPOINT"] = daprEndpoint;
start.Environment["DAPR_API_TOKEN"] = SyntheticSources.DaprToken;
start.Environment["APP_API_TOKEN"] = "bench-app-token";
start.Environment["Admin__Token"] = adminToken;
start.Environment["Sync__Quota__UsersPerMinute"] = quota.ToString(CultureInfo.InvariantCulture);
start.Environment["Sync__Quota__EventsPerMinute"] = quota.ToString(CultureInfo.InvariantCulture);
start.Environment["Sync__PageSize"] = "5000";
start.Environment["Logging__LogLevel__Default"] = "Warning";
using var dispatcher = Process.Start(start)!;
dispatcher.OutputDataReceived += (_, line) => { if (line.Data is { } text) Console.WriteLine($"  dispatcher: {text}"); };
dispatcher.ErrorDataReceived += (_, line) => { if (line.Data is { } text) Console.WriteLine($"  dispatcher: {text}"); };
dispatcher.BeginOutputReadLine();
dispatcher.BeginErrorReadLine();

using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
for (var attempt = 0; ; attempt++)
{
    try
    {
        if ((await admin.GetAsync("/alive")).IsSuccessStatusCode)
        {
            break;
        }
    }
    catch (HttpRequestException) when (attempt < 300)
    {
    }

    await Task.Delay(100);
}

var rssBefore = Rss(dispatcher.Id, "VmRSS");
var clock = Stopwatch.StartNew();
var accepted = await admin.PostAsJsonAsync($"/v1/programs/{programId}/sync-runs", new { businessDate = "2026-11-20" });
accepted.EnsureSuccessStatusCode();
var runId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
JsonElement run;
while (true)
{
    run = await admin.GetFromJsonAsync<JsonElement>($"/v1/sync-runs/{runId}");
    if (run.GetProperty("status").GetString() is "succeeded" or "failed")
    {
        break;
    }

    await Task.Delay(250);
}

var seconds = clock.Elapsed.TotalSeconds;
var peakRss = Rss(dispatcher.Id, "VmHWM");
var cpuSeconds = CpuSeconds(dispatcher.Id);
dispatcher.Kill();
var stats = await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/stats");
var report = run.GetProperty("report");
var sent = report.GetProperty("membersSent").GetInt64() + report.GetProperty("eventsSent").EnumerateObject().Sum(e => e.Value.GetInt64());
var runSeconds = run.GetProperty("durationSeconds").GetDouble();

Console.WriteLine($"status                 {run.GetProperty("status")} {run.GetProperty("reason")}");
Console.WriteLine($"members / events       {members:N0} / {events:N0} (quota {(quota == 0 ? "unlimited" : $"{quota:N0}/min")})");
Console.WriteLine($"run time               {runSeconds:F1} s (observed {seconds:F1} s)");
Console.WriteLine($"elements/s             {sent / runSeconds:N0}");
Console.WriteLine($"requests / bodies      {report.GetProperty("requests")} / {report.GetProperty("bodies")}");
Console.WriteLine($"average body           {report.GetProperty("averageBodyFillPercent")} % of 102,400 bytes");
Console.WriteLine($"bytes sent             {report.GetProperty("bytes").GetInt64() / 1e6:F1} MB");
Console.WriteLine($"dispatcher CPU         {cpuSeconds:F1} s over the run (of {runSeconds * Environment.ProcessorCount:F0} core-seconds on {Environment.ProcessorCount} cores)");
Console.WriteLine($"dispatcher RSS         {rssBefore / 1024.0:F0} MB idle, {peakRss / 1024.0:F0} MB peak");
Console.WriteLine($"stand-in               {stats}");
if (quota > 0)
{
    var lowerBound = 60.0 * members / quota + 60.0 * events / quota;
    Console.WriteLine($"time / quota bound     {runSeconds:F1} s / {lowerBound:F1} s = {runSeconds / lowerBound:F3} (target <= 1.05); 429s: {stats.GetProperty("rateLimited")}");
}

await redis.DisposeAsync();
await postgres.DisposeAsync();

// utime + stime from /proc/{pid}/stat (fields 14 and 15, in clock ticks of 1/100 s), start-up included.
static double CpuSeconds(int pid)
{
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static long Rss(int pid, string field) =>
    File.ReadLines($"/proc/{pid}/status").Where(line => line.StartsWith(field + ":", StringComparison.Ordinal))
        .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).First();

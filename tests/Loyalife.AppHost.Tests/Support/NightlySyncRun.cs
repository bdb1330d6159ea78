using System.Net.Http.Headers;
using Loyalife.AppHost.Demo;

namespace Loyalife.AppHost.Tests.Support;

/// <summary>
/// The AppHost as a newcomer starts it, with a cron schedule of seconds and a small demo, every resource's
/// OTLP export pointed at a receiver in the test, until the cron binding's first run of the demo program
/// has succeeded. The facts then read what the run left behind.
/// </summary>
public sealed partial class NightlySyncRun : IAsyncLifetime
{
    /// <summary>The test classes that read this run (one AppHost start for all of them).</summary>
    public const string Collection = "nightly sync";

    public const string DemoMembers = "300";

    // As the end-to-end test's: snapshot-service now starts only once the demo ledger has seeded and
    // exited, one process after the other (a minute of the budget on a loaded 2-core machine).
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunBudget = TimeSpan.FromMinutes(1.5);
    private static readonly TimeSpan StopBudget = TimeSpan.FromMinutes(1);

    private readonly string data = AppHostRun.CreateDataDirectory();
    private readonly string components = Directory.CreateTempSubdirectory("loyalife-components-").FullName;
    private readonly string adminToken = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
    private DistributedApplication? app;

    internal OtlpReceiver Telemetry { get; } = new();

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The run as <c>GET /v1/programs/demo/sync-runs</c> answered once it had succeeded.</summary>
    public JsonElement Run { get; private set; }

    public string RunId => Run.GetProperty("runId").GetString()!;

    public string BusinessDate => Run.GetProperty("businessDate").GetString()!;

    public Uri StandIn { get; private set; } = null!;

    /// <summary>A sidecar of the AppHost and its API token, to reach the services as Dapr apps do.</summary>
    internal DaprSidecarResource Sidecar { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WriteComponents();
        using var timeout = new CancellationTokenSource(StartBudget);
        var builder = await AppHostRun.CreateBuilderAsync(data,
            [
                $"--Dapr:ResourcesPath={components}", $"--{DemoDataExtensions.MembersKey}={DemoMembers}",
                $"--Parameters:admin-token={adminToken}",
            ],
            timeout.Token);
        // The tick creates the run for the latest closed date only, so the stand-in holds exactly one program-day.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "moengage-dispatcher"))
            .WithEnvironment("Sync__MaxCatchUpDays", "1");
        ExportTelemetryToTheTest(builder);

        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await AppHostRun.WaitUntilAllHealthyAsync(app, builder.Resources, timeout.Token);

        StandIn = app.GetEndpoint("moengage", "http");
        Sidecar = builder.Resources.OfType<DaprSidecarResource>().Single(s => s.AppId == "moengage-dispatcher");
        Run = await WaitForSucceededCronRunAsync();
    }

    /// <summary>GET through the sidecar's service invocation API, as the dispatcher calls snapshot-service.</summary>
    public async Task<JsonElement> InvokeAsync(string appId, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Sidecar.HttpEndpoint.Url}/v1.0/invoke/{appId}/method/{path.TrimStart('/')}");
        request.Headers.Add("dapr-api-token", Sidecar.ApiToken);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{appId} {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task<HttpResponseMessage> StandInAsync(string path) => await Http.GetAsync(new Uri(StandIn, path));

    /// <summary>The demo program's latest closed business date, in its own zone (as snapshot-service says).</summary>
    public async Task<string> LatestClosedDateAsync()
    {
        var program = await InvokeAsync("snapshot-service", $"/v1/programs/{DemoIntegrationExtensions.ProgramId}");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(program.GetProperty("timeZone").GetString()!);
        return $"{DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(-1):yyyy-MM-dd}";
    }

    /// <summary>A copy of the repository's components with the cron binding ticking every few seconds.</summary>
    private void WriteComponents()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppHostModel.RepositoryRoot, "components"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(components, Path.GetFileName(file)));
        }

        var cron = Path.Combine(components, "nightly-sync.yaml");
        var original = File.ReadAllText(cron);
        var fast = Schedule().Replace(original, "${key}\"@every 5s\"");
        Assert.True(fast != original, $"No schedule value found to speed up in {cron}:\n{original}");
        File.WriteAllText(cron, fast);
    }

    /// <summary>Every resource that exports OTLP sends it, as http/protobuf, to <see cref="Telemetry"/>.</summary>
    private void ExportTelemetryToTheTest(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var resource in builder.Resources.Where(r => r.Annotations.OfType<OtlpExporterAnnotation>().Any()))
        {
            // Added last, so these win over the (disabled) dashboard's values.
            resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
            {
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint.ToString().TrimEnd('/');
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "500";
                context.EnvironmentVariables["OTEL_TRACES_SAMPLER"] = "always_on";
            }));
        }
    }

    private async Task<JsonElement> WaitForSucceededCronRunAsync()
    {
        using var timeout = new CancellationTokenSource(RunBudget);
        var running = app!;
        var dispatcher = running.GetEndpoint("moengage-dispatcher", "http");
        using var request = new HttpClient { BaseAddress = dispatcher };
        request.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var last = "no answer yet";
        try
        {
            while (true)
            {
                var runs = await request.GetFromJsonAsync<JsonElement>($"/v1/programs/{DemoIntegrationExtensions.ProgramId}/sync-runs", timeout.Token);
                last = runs.ToString();
                foreach (var run in runs.EnumerateArray().Where(r => r.GetProperty("trigger").GetString() == "cron"))
                {
                    var status = run.GetProperty("status").GetString();
                    Assert.True(status != "failed", $"The cron run of {DemoIntegrationExtensions.ProgramId} failed: {run}");
                    if (status == "succeeded")
                    {
                        return run.Clone();
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            var logs = new List<string>();
            foreach (var name in new[] { "settings-service", "moengage-dispatcher", "moengage-dispatcher-dapr" })
            {
                logs.Add(name + ":");
                logs.AddRange((await AppHostRun.LastLogLinesAsync(running, running.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name), 10))
                    .Select(line => "    " + line));
            }

            Assert.Fail($"No cron run of {DemoIntegrationExtensions.ProgramId} succeeded within {RunBudget.TotalSeconds} s of every resource being healthy. " +
                $"Last sync-runs answer: {last}\n{string.Join('\n', logs)}");
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            using var stopping = new CancellationTokenSource(StopBudget);
            await app.StopAsync(stopping.Token);
            await app.DisposeAsync();
        }

        Http.Dispose();
        await Telemetry.DisposeAsync();
        Directory.Delete(components, recursive: true);
        Directory.Delete(data, recursive: true);
    }

    [GeneratedRegex("""(?<key>name:\s*schedule\s*\n\s*value:\s*)"[^"]*"|(?<key>name:\s*schedule\s*\n\s*value:\s*)[^\s"]+""")]
    private static partial Regex Schedule();
}

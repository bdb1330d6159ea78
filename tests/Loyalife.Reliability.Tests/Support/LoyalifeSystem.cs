extern alias dispatcher;
extern alias settings;
extern alias snapshots;
using System.Net.Http.Headers;
using Loyalife.DaprSidecar;
using Loyalife.DemoLedger;
using Loyalife.MoEngageStandIn;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using DispatcherProgram = dispatcher::Program;
using SettingsProgram = settings::Program;
using SnapshotProgram = snapshots::Program;

namespace Loyalife.Reliability.Tests.Support;

/// <summary>
/// The whole system in this process: the demo ledger, snapshot-service, settings-service and the
/// dispatcher, each on its own Kestrel port behind its own local Dapr sidecar, over real PostgreSQL and
/// Redis, sending to the MoEngage stand-in. Every piece can be stopped and started again.
/// </summary>
public sealed class LoyalifeSystem : IAsyncDisposable
{
    public const string AdminToken = "reliability-admin-token";
    public const string AppApiToken = "reliability-app-token";
    public const string DaprApiToken = "reliability-dapr-token";
    public const string ProgramId = "demo";
    public const string DashboardUrl = "https://dashboard-01.moengage.com";

    private readonly string directory;
    private RedisServer? ownRedis;
    private IReadOnlyDictionary<string, string?>? serviceSettings;

    private LoyalifeSystem(string directory, RunningStandIn standIn, string database)
    {
        this.directory = directory;
        StandIn = standIn;
        Database = database;
    }

    public RunningStandIn StandIn { get; }

    public string Database { get; }

    public ServiceHost<SnapshotProgram> Snapshots { get; private set; } = null!;

    public Sidecar SnapshotsSidecar { get; private set; } = null!;

    public ServiceHost<SettingsProgram> Settings { get; private set; } = null!;

    public Sidecar SettingsSidecar { get; private set; } = null!;

    public ServiceHost<DispatcherProgram> Dispatcher { get; private set; } = null!;

    public Sidecar DispatcherSidecar { get; private set; } = null!;

    /// <summary>The latest closed business date of the demo program (Europe/Amsterdam).</summary>
    public static DateOnly Yesterday { get; } = DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Date).AddDays(-1);

    /// <summary>
    /// Starts everything; <paramref name="database"/> defaults to a new database of the shared server, <paramref name="redis"/>
    /// to a redis-server of this system's own (every system syncs program "demo", whose lock lives in Redis, and
    /// test classes run in parallel). <paramref name="serviceSettings"/> go to all three services.
    /// </summary>
    public static async Task<LoyalifeSystem> StartAsync(
        string? database = null, string? redis = null, IReadOnlyDictionary<string, string?>? dispatcherSettings = null, int members = 400,
        IReadOnlyDictionary<string, string?>? serviceSettings = null)
    {
        var directory = Directory.CreateTempSubdirectory("loyalife-reliability-").FullName;
        var components = Directory.CreateDirectory(Path.Combine(directory, "components")).FullName;
        File.Copy(Path.Combine(Repository.Root, "components", "secretstore.yaml"), Path.Combine(components, "secretstore.yaml"));
        database ??= await (await PostgresServer.Shared).CreateDatabaseAsync();
        var standIn = await MoEngageStandInHost.StartAsync();
        var system = new LoyalifeSystem(directory, standIn, database) { serviceSettings = serviceSettings };
        try
        {
            if (redis is null)
            {
                system.ownRedis = await RedisServer.StartAsync();
                redis = system.ownRedis.ReconnectingConnectionString;
            }

            await system.StartServicesAsync(components, redis, dispatcherSettings, members);
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }

        return system;
    }

    private async Task StartServicesAsync(string components, string redis, IReadOnlyDictionary<string, string?>? dispatcherSettings, int members)
    {
        var environment = new SidecarEnvironment
        {
            ApiToken = DaprApiToken,
            AppApiToken = AppApiToken,
            RegistryDirectory = Path.Combine(directory, "registry"),
            WorkingDirectory = directory,
        };

        // First: the ledger settings-service reads program ids from, as the AppHost's demo ledger seeds it. Seeded
        // before any port is picked: a port free a moment ago was taken by another test's process during the
        // seconds of seeding (seen: "address already in use" starting snapshot-service).
        await using (var ledger = NpgsqlDataSource.Create(Database))
        {
            await DemoSeeder.SeedIfEmptyAsync(ledger, new DemoOptions { Members = members }, DateTimeOffset.UtcNow, NullLogger.Instance, CancellationToken.None);
        }

        var snapshotPort = FreePort.Next();
        SnapshotsSidecar = new Sidecar("snapshot-service", snapshotPort, environment, components);
        await SnapshotsSidecar.StartAsync();
        Snapshots = new ServiceHost<SnapshotProgram>(snapshotPort, Common(SnapshotsSidecar, new()));
        Snapshots.Start();

        var settingsPort = FreePort.Next();
        SettingsSidecar = new Sidecar("settings-service", settingsPort, environment, components);
        await SettingsSidecar.StartAsync();
        Settings = new ServiceHost<SettingsProgram>(settingsPort, Common(SettingsSidecar, new()
        {
            ["SecretStore:Kind"] = "LocalFile",
            ["SecretStore:FilePath"] = Path.Combine(directory, "dapr-secrets.json"),
            ["MoEngage:ApiBaseUrl"] = StandIn.ApiBaseUrlTemplate,
        }));
        Settings.Start();

        var dispatcherPort = FreePort.Next();
        DispatcherSidecar = new Sidecar("moengage-dispatcher", dispatcherPort, environment, components);
        await DispatcherSidecar.StartAsync();
        var dispatcherConfig = Common(DispatcherSidecar, QuickDispatcher.Settings().With(new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis,
            ["Sync:MaxCatchUpDays"] = "1",
            ["Sync:PageSize"] = "100",
            ["MoEngage:MaxBodyBytes"] = "8192",
            ["MoEngage:RequestTimeout"] = "00:00:02",
            ["MoEngage:MaxRateLimitWait"] = "00:00:00.200",
        })).With(dispatcherSettings);
        Dispatcher = new ServiceHost<DispatcherProgram>(dispatcherPort, dispatcherConfig);
        Dispatcher.Start();
    }

    private Dictionary<string, string?> Common(Sidecar sidecar, Dictionary<string, string?> own)
    {
        own["Logging:LogLevel:Default"] = "Warning";
        return own.With(new ServiceSettings(Database, AppApiToken)
        {
            AdminToken = AdminToken,
            DaprApiToken = DaprApiToken,
            DaprHttpEndpoint = sidecar.HttpEndpoint.ToString().TrimEnd('/'),
            DaprGrpcEndpoint = sidecar.GrpcEndpoint.ToString().TrimEnd('/'),
        }.ToDictionary()).With(serviceSettings);
    }

    public HttpClient AdminClient(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    /// <summary>
    /// Creates (or replaces) a stand-in workspace whose profiles are the demo's references ending in 0-8, with Get User on.
    /// <paramref name="bulkElementFaults"/>: how Bulk Import answers invalid elements, <c>drop</c> (the stand-in's default) or
    /// <c>reject</c> (a 400 for the whole body, nothing of it applied).
    /// </summary>
    public async Task PutWorkspaceAsync(string appId, string apiKey, object? faults = null, string? bulkElementFaults = null)
    {
        var definition = JsonSerializer.SerializeToNode(new
        {
            dataCenter = "01",
            apiKey,
            customerIdPattern = "^C\\d{7}[0-8]$",
            limits = new { bulkUsersPerMinute = (int?)null, bulkEventsPerMinute = (int?)null, trackUserPerMinute = (int?)null, createEventPerMinute = (int?)null },
            faults = faults ?? new { },
            // As MoEngage support enables it: settings-service refuses unknownMembers "verify" (the default) without it.
            getUser = new { enabled = true },
        })!.AsObject();
        if (bulkElementFaults is not null)
        {
            definition["bulkElementFaults"] = bulkElementFaults;
        }

        using var response = await StandIn.Control.PutAsJsonAsync($"/control/workspaces/{appId}", definition);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Saves the demo program's integration through settings-service's admin API (which checks the key first).</summary>
    public async Task ConfigureIntegrationAsync(string appId, string? apiKey, bool enabled = true)
    {
        using var client = AdminClient(Settings.Url);
        using var response = await client.PutAsJsonAsync($"/v1/programs/{ProgramId}/integrations/moengage",
            new { enabled, appId, apiKey, dashboardUrl = DashboardUrl });
        Assert.True(response.IsSuccessStatusCode, $"saving the integration: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Points the demo program at a new stand-in workspace: the workspace, then the integration saved with its key.</summary>
    public async Task ConnectWorkspaceAsync(string appId, string apiKey, object? faults = null, string? bulkElementFaults = null)
    {
        await PutWorkspaceAsync(appId, apiKey, faults, bulkElementFaults);
        await ConfigureIntegrationAsync(appId, apiKey);
    }

    /// <summary>Starts a manual run of <paramref name="date"/>, waits for it to finish and asserts it succeeded.</summary>
    public async Task<SyncRun> RunToSuccessAsync(DateOnly date, TimeSpan timeout)
    {
        var run = await WaitForRunAsync(await StartRunAsync(date), timeout);
        Assert.True(run.Status == "succeeded", run.ToString());
        return run;
    }

    /// <summary>An admin's manual run of <paramref name="date"/>; answers its run id.</summary>
    public async Task<Guid> StartRunAsync(DateOnly date)
    {
        using var client = AdminClient(Dispatcher.Url);
        using var response = await client.PostAsJsonAsync($"/v1/programs/{ProgramId}/sync-runs", new { businessDate = date.ToString("yyyy-MM-dd") });
        Assert.True(response.IsSuccessStatusCode, $"starting a run: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
    }

    public async Task<SyncRun> RunAsync(Guid runId)
    {
        using var client = AdminClient(Dispatcher.Url);
        return new SyncRun(await client.GetFromJsonAsync<JsonElement>($"/v1/sync-runs/{runId}"));
    }

    /// <summary>What the cron binding does: POST /nightly-sync with the app token.</summary>
    public async Task TickAsync()
    {
        using var client = new HttpClient { BaseAddress = Dispatcher.Url };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/nightly-sync");
        request.Headers.Add("dapr-api-token", AppApiToken);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits for the run to finish (or, with <paramref name="tick"/>, to succeed: a failed run is retried on a
    /// later tick), ticking every second as the cron binding would.
    /// </summary>
    public Task<SyncRun> WaitForRunAsync(Guid runId, TimeSpan timeout, bool tick = false)
    {
        var lastTick = DateTime.UtcNow;
        return Wait.UntilAsync(
            async () =>
            {
                if (tick && DateTime.UtcNow - lastTick > TimeSpan.FromSeconds(1))
                {
                    lastTick = DateTime.UtcNow;
                    await TickAsync();
                }

                return await RunAsync(runId);
            },
            run => tick ? run.Status == "succeeded" : run.Finished,
            timeout,
            run => $"run {runId} still {run.Status} ({run.Reason}); report {run.Report}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var stop in new Func<Task>[]
        {
            () => Dispatcher?.StopAsync() ?? Task.CompletedTask,
            () => DispatcherSidecar?.StopAsync() ?? Task.CompletedTask,
            () => Settings?.StopAsync() ?? Task.CompletedTask,
            () => SettingsSidecar?.StopAsync() ?? Task.CompletedTask,
            () => Snapshots?.StopAsync() ?? Task.CompletedTask,
            () => SnapshotsSidecar?.StopAsync() ?? Task.CompletedTask,
            async () => await StandIn.DisposeAsync(),
            async () => await (ownRedis?.DisposeAsync() ?? ValueTask.CompletedTask),
        })
        {
            try
            {
                await stop();
            }
            catch (Exception)
            {
                // Tear-down goes on so one failing piece does not leave the others running.
            }
        }

        Directory.Delete(directory, recursive: true);
    }
}

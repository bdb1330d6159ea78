using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalife.MoEngageDispatcher.Runs;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>The dispatcher in-process against real PostgreSQL and Redis, the fake Dapr endpoint and the stand-in.</summary>
public sealed class DispatcherApp(string database, string redis, FakeDapr dapr, TimeProvider? clock = null,
    IDictionary<string, string?>? overrides = null, int? port = null)
    : ServiceHost<Program>(port, Settings(database, redis, dapr, overrides), web =>
    {
        if (clock is not null)
        {
            web.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    })
{
    public const string AppApiToken = "app-token-for-tests";
    public const string AdminToken = "admin-token-for-tests";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Admin()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        return client;
    }

    /// <summary>What the Dapr cron binding does: POST /nightly-sync with the app token.</summary>
    public async Task TickAsync()
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/nightly-sync");
        request.Headers.Add("dapr-api-token", AppApiToken);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    public async Task<List<SyncRunResponse>> RunsAsync(string programId)
    {
        using var client = Admin();
        return (await client.GetFromJsonAsync<List<SyncRunResponse>>($"/v1/programs/{programId}/sync-runs", Json))!;
    }

    public async Task<SyncRunResponse> RunAsync(Guid runId)
    {
        using var client = Admin();
        return (await client.GetFromJsonAsync<SyncRunResponse>($"/v1/sync-runs/{runId}", Json))!;
    }

    /// <summary>Waits until the program's runs (newest first) satisfy <paramref name="done"/>.</summary>
    public async Task<List<SyncRunResponse>> WaitForAsync(string programId, Func<List<SyncRunResponse>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var runs = await RunsAsync(programId);
            if (done(runs))
            {
                return runs;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"runs of {programId}: {string.Join(", ", runs.Select(r => $"{r.BusinessDate}:{r.Status}"))}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// One pass of the scheduler over the program, as a tick makes it, awaited to its end: first waits for
    /// whatever else holds the program's lock (a woken worker finishing) to let go.
    /// </summary>
    public async Task ProcessNowAsync(string programId)
    {
        var locks = Services.GetRequiredService<ProgramLock>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await locks.TryAcquireAsync(programId, CancellationToken.None) is { } lease)
            {
                await lease.DisposeAsync();
                break;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"program {programId} stayed locked");
            }

            await Task.Delay(50);
        }

        await Services.GetRequiredService<Scheduling.SyncScheduler>().ProcessProgramAsync(programId, scheduleDueDates: true, default, CancellationToken.None);
    }

    /// <summary>Waits until the program has <paramref name="count"/> finished runs and none pending or running.</summary>
    public async Task<List<SyncRunResponse>> WaitForRunsAsync(string programId, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var runs = await RunsAsync(programId);
            if (runs.Count(r => r.Status is RunStatus.Succeeded or RunStatus.Failed) >= count
                && runs.All(r => r.Status is RunStatus.Succeeded or RunStatus.Failed))
            {
                return runs;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"runs of {programId}: {string.Join(", ", runs.Select(r => $"{r.BusinessDate}:{r.Status}"))}");
            }

            await Task.Delay(100);
        }
    }

    private static Dictionary<string, string?> Settings(string database, string redis, FakeDapr dapr, IDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = database,
            ["ConnectionStrings:redis"] = redis,
            ["DAPR_HTTP_ENDPOINT"] = dapr.Endpoint,
            ["DAPR_API_TOKEN"] = FakeDapr.ApiToken,
            ["APP_API_TOKEN"] = AppApiToken,
            ["Admin:Token"] = AdminToken,
            ["Sync:PageSize"] = "50",
            ["Sync:LockLease"] = "00:00:03",
            ["Sync:EnabledCheckInterval"] = "00:00:00",
            ["MoEngage:BaseDelay"] = "00:00:00.020",
            ["MoEngage:MaxDelay"] = "00:00:00.200",
            ["MoEngage:RequestTimeout"] = "00:00:05",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}

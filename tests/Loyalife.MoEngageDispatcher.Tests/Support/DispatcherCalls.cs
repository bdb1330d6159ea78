namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>What tests do to a dispatcher host, whether a plain <see cref="DispatcherApp"/> or one with swapped services.</summary>
public static class DispatcherCalls
{
    public static HttpClient Admin(this ServiceHost<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DispatcherApp.AdminToken);
        return client;
    }

    /// <summary>What the Dapr cron binding does: POST /nightly-sync with the app token (and the trace it continues, if any).</summary>
    public static async Task TickAsync(this ServiceHost<Program> host, string? traceparent = null)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/nightly-sync");
        request.Headers.Add("dapr-api-token", DispatcherApp.AppApiToken);
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A tick, and the one run it made for the program, awaited to its end.</summary>
    public static async Task<SyncRunResponse> TickForOneRunAsync(this ServiceHost<Program> host, string programId)
    {
        await host.TickAsync();
        return Assert.Single(await host.WaitForRunsAsync(programId));
    }

    public static async Task<List<SyncRunResponse>> RunsAsync(this ServiceHost<Program> host, string programId)
    {
        using var client = host.Admin();
        return (await client.GetFromJsonAsync<List<SyncRunResponse>>($"/v1/programs/{programId}/sync-runs", DispatcherApp.Json))!;
    }

    public static async Task<SyncRunResponse> RunAsync(this ServiceHost<Program> host, Guid runId)
    {
        using var client = host.Admin();
        return (await client.GetFromJsonAsync<SyncRunResponse>($"/v1/sync-runs/{runId}", DispatcherApp.Json))!;
    }

    /// <summary>Waits until the program has <paramref name="count"/> finished runs and none pending or running.</summary>
    public static Task<List<SyncRunResponse>> WaitForRunsAsync(
        this ServiceHost<Program> host, string programId, int count = 1, TimeSpan? timeout = null) =>
        host.WaitForAsync(programId, runs => runs.Count(r => r.Status is RunStatus.Succeeded or RunStatus.Failed) >= count
            && runs.All(r => r.Status is RunStatus.Succeeded or RunStatus.Failed), timeout);

    /// <summary>Waits until the program's runs (newest first) satisfy <paramref name="done"/>.</summary>
    public static async Task<List<SyncRunResponse>> WaitForAsync(
        this ServiceHost<Program> host, string programId, Func<List<SyncRunResponse>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var runs = await host.RunsAsync(programId);
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
    public static async Task ProcessNowAsync(this ServiceHost<Program> host, string programId)
    {
        var locks = host.Services.GetRequiredService<ProgramLock>();
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

        await host.Services.GetRequiredService<Scheduling.SyncScheduler>().ProcessProgramAsync(programId, scheduleDueDates: true, default, CancellationToken.None);
    }
}

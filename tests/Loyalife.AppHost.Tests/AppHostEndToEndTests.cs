using System.Net.Http.Headers;
using Loyalife.AppHost.Sync;

namespace Loyalife.AppHost.Tests;

/// <summary>
/// The whole AppHost on this machine, as a newcomer gets it without Docker or daprd: local PostgreSQL and
/// Redis, the local sidecar, the stand-in and the three services.
/// </summary>
[Trait("Suite", "System")]
public sealed class AppHostEndToEndTests
{
    // Each phase has its own budget, as NightlySyncRun's: a start slowed by a busy machine (the full suite runs
    // two AppHosts beside every other project on 2 cores) must not leave the checks or the stop only seconds,
    // and a phase that hangs still fails.
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan CheckBudget = TimeSpan.FromMinutes(1.5);
    private static readonly TimeSpan StopBudget = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task EveryResourceBecomesHealthyEachServiceAnswersThroughEverySidecarTheLaneDeliversWithinMinutesAndNothingOutlivesTheAppHost()
    {
        using var timeout = new CancellationTokenSource(StartBudget);
        var data = AppHostRun.CreateDataDirectory();
        try
        {
            var builder = await AppHostRun.CreateBuilderAsync(data, [], timeout.Token);
            // The intraday lane's minute tick runs the nights due first: one closed night back, so the lane's pass is not
            // queued behind a week of catch-up nights of the demo ledger.
            builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "moengage-dispatcher"))
                .WithEnvironment("Sync__MaxCatchUpDays", "1");

            IReadOnlyDictionary<int, (long, string)> started;
            await using (var app = await builder.BuildAsync(timeout.Token))
            {
                await app.StartAsync(timeout.Token);
                await AppHostRun.WaitUntilAllHealthyAsync(app, builder.Resources, timeout.Token);
                started = ProcessTree.WithDescendants(ProcessIds(app, builder.Resources));
                using var checks = new CancellationTokenSource(CheckBudget);

                var sidecars = builder.Resources.OfType<DaprSidecarResource>().ToList();
                Assert.Equal(AppHostModel.Services.Order(), sidecars.Select(s => s.AppId).Order());
                using var http = new HttpClient();
                foreach (var caller in sidecars)
                {
                    foreach (var target in AppHostModel.Services)
                    {
                        await AssertHealthThroughSidecarAsync(http, caller, target, checks.Token);
                    }
                }

                // A newcomer's first click: the demo program is configured by the time everything is healthy,
                // and the dashboard's button produces a run that succeeds within a minute.
                // The minute tick may have started that night already: the button then answers 409 until it ends,
                // and a newcomer clicks again.
                var sync = await app.ResourceCommands.ExecuteCommandAsync("moengage-dispatcher", RunSyncNowCommand.Name, checks.Token);
                while (!sync.Success && (sync.Message ?? "").Contains("409 Conflict", StringComparison.Ordinal))
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), checks.Token);
                    sync = await app.ResourceCommands.ExecuteCommandAsync("moengage-dispatcher", RunSyncNowCommand.Name, checks.Token);
                }

                Assert.True(sync.Success, $"Run sync now: {sync.Message}");
                var accepted = Regex.Match(sync.Message ?? "", "^Sync of demo for \\d{4}-\\d{2}-\\d{2} accepted: .*\"runId\":\"(?<id>[^\"]+)\"");
                Assert.True(accepted.Success, $"Run sync now answered: {sync.Message}");
                var runId = accepted.Groups["id"].Value;
                await WaitForSucceededRunAsync(app, builder.Resources, runId, checks.Token);

                // On the same AppHost (one start for both): the intraday lane delivers a row committed now within minutes.
                using (var lane = new CancellationTokenSource(IntradayLaneCheck.Promise * 2 + TimeSpan.FromMinutes(1)))
                {
                    await IntradayLaneCheck.RunAsync(app, builder.Resources, lane.Token);
                }

                using var stopping = new CancellationTokenSource(StopBudget);
                await app.StopAsync(stopping.Token);
            }

            Assert.Contains(started.Values, p => p.Item2.Contains($"-D {Path.Combine(data, "postgres")}"));
            Assert.Empty(await StillRunningAfterGraceAsync(started));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task WaitForSucceededRunAsync(DistributedApplication app, IResourceCollection resources, string runId, CancellationToken ct)
    {
        var token = await resources.OfType<ParameterResource>().Single(p => p.Name == "admin-token").GetValueAsync(ct);
        using var http = new HttpClient { BaseAddress = app.GetEndpoint("moengage-dispatcher", "http") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var minute = CancellationTokenSource.CreateLinkedTokenSource(ct);
        minute.CancelAfter(TimeSpan.FromMinutes(1));
        var run = default(JsonElement);
        try
        {
            while (true)
            {
                run = await http.GetFromJsonAsync<JsonElement>($"/v1/sync-runs/{runId}", minute.Token);
                var status = run.GetProperty("status").GetString();
                Assert.True(status != "failed", $"Run sync now's run {runId} failed: {run}");
                if (status == "succeeded")
                {
                    Assert.True(run.GetProperty("report").GetProperty("membersSent").GetInt64() > 0, $"Run {runId} sent no members: {run}");
                    return;
                }

                await Task.Delay(500, minute.Token);
            }
        }
        catch (OperationCanceledException) when (minute.IsCancellationRequested)
        {
            Assert.Fail($"Run sync now's run {runId} did not succeed within a minute; last seen: {run}");
        }
    }

    private static IEnumerable<int> ProcessIds(DistributedApplication app, IResourceCollection resources) =>
        resources.Select(r => app.ResourceNotifications.TryGetCurrentState(r.Name, out var e)
                ? e.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value
                : null)
            .Select(pid => int.TryParse(pid?.ToString(), out var id) ? id : 0)
            .Where(pid => pid > 0);

    private static async Task AssertHealthThroughSidecarAsync(HttpClient http, DaprSidecarResource caller, string target, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{caller.HttpEndpoint.Url}/v1.0/invoke/{target}/method/health");
        request.Headers.Add("dapr-api-token", caller.ApiToken);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{caller.Name} → {target}/health answered {(int)response.StatusCode}: {body}");
        Assert.Equal("Healthy", body);
    }

    /// <summary>PostgreSQL's shutdown and runuser's hand-over take a moment; anything left after that is an orphan.</summary>
    private static async Task<IReadOnlyList<string>> StillRunningAfterGraceAsync(IReadOnlyDictionary<int, (long, string)> started)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            if (ProcessTree.StillRunning(started).Count == 0)
            {
                break;
            }

            await Task.Delay(250);
        }

        return ProcessTree.StillRunning(started);
    }
}

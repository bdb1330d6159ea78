using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Loyalife.AppHost.Dapr;
using Loyalife.AppHost.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.AppHost.Tests;

/// <summary>
/// The whole AppHost on this machine, as a newcomer gets it without Docker or daprd: local PostgreSQL and
/// Redis, the local sidecar, the stand-in and the three services.
/// </summary>
public sealed class AppHostEndToEndTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task EveryResourceBecomesHealthyEachServiceAnswersThroughEverySidecarAndNothingOutlivesTheAppHost()
    {
        using var timeout = new CancellationTokenSource(Budget);
        var data = Directory.CreateTempSubdirectory("loyalife-apphost-e2e-").FullName;
        // Temporary folders are private to root; PostgreSQL runs as the postgres user and must reach its cluster.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        }
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Loyalife_AppHost>(
                [
                    "--Infrastructure:Mode=Local", "--Dapr:Runtime=Local", $"--AppHost:DataDirectory={data}",
                    // Other tests run beside this one: no fixed ports, and stopping waits for every process.
                    "--DcpPublisher:RandomizePorts=true", "--DcpPublisher:WaitForResourceCleanup=true",
                ],
                (options, _) => options.DisableDashboard = true,
                timeout.Token);

            IReadOnlyDictionary<int, (long, string)> started;
            await using (var app = await builder.BuildAsync(timeout.Token))
            {
                await app.StartAsync(timeout.Token);
                await WaitUntilAllHealthyAsync(app, builder.Resources, timeout.Token);
                started = ProcessTree.WithDescendants(ProcessIds(app, builder.Resources));

                var sidecars = builder.Resources.OfType<DaprSidecarResource>().ToList();
                Assert.Equal(AppHostModel.Services.Order(), sidecars.Select(s => s.AppId).Order());
                using var http = new HttpClient();
                foreach (var caller in sidecars)
                {
                    foreach (var target in AppHostModel.Services)
                    {
                        await AssertHealthThroughSidecarAsync(http, caller, target, timeout.Token);
                    }
                }

                // The dashboard's button reaches the dispatcher's admin API (whatever the dispatcher then answers).
                var sync = await app.ResourceCommands.ExecuteCommandAsync("moengage-dispatcher", RunSyncNowCommand.Name, timeout.Token);
                Assert.Matches("^(Sync of demo for \\d{4}-\\d{2}-\\d{2} accepted|The dispatcher answered \\d{3})", sync.Message);

                await app.StopAsync(timeout.Token);
            }

            Assert.Contains(started.Values, p => p.Item2.Contains($"-D {Path.Combine(data, "postgres")}"));
            Assert.Empty(await StillRunningAfterGraceAsync(started));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task WaitUntilAllHealthyAsync(DistributedApplication app, IResourceCollection resources, CancellationToken ct)
    {
        try
        {
            foreach (var resource in Started(resources))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, ct);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or DistributedApplicationException)
        {
            var states = new List<string>();
            foreach (var resource in Started(resources))
            {
                app.ResourceNotifications.TryGetCurrentState(resource.Name, out var e);
                states.Add($"{resource.Name}: {e?.Snapshot.State?.Text} {e?.Snapshot.HealthStatus}");
                if (e?.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    states.AddRange((await LastLogLinesAsync(app, resource)).Select(line => "    " + line));
                }
            }

            Assert.Fail($"Not all resources became healthy ({exception.Message}):\n{string.Join('\n', states)}");
        }
    }

    /// <summary>Everything that starts by itself (not parameters, nor Aspire's on-demand project rebuilders).</summary>
    private static IEnumerable<IResource> Started(IResourceCollection resources) =>
        resources.Where(r => r is not ParameterResource && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any());

    private static async Task<IEnumerable<string>> LastLogLinesAsync(DistributedApplication app, IResource resource)
    {
        var lines = new List<string>();
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource))
        {
            lines.AddRange(batch.Select(l => l.Content));
        }

        return lines.TakeLast(15);
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

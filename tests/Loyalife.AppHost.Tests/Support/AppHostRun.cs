using Loyalife.AppHost;

namespace Loyalife.AppHost.Tests.Support;

/// <summary>
/// What every test that starts the whole AppHost shares: its own data folder, local infrastructure and the
/// local sidecar, no fixed ports, and a failure that says which resource did not come up and why.
/// </summary>
internal static class AppHostRun
{
    /// <summary>A fresh data folder PostgreSQL (running as the postgres user) can reach.</summary>
    public static string CreateDataDirectory()
    {
        var data = Directory.CreateTempSubdirectory("loyalife-apphost-e2e-").FullName;
        // Temporary folders are private to root; PostgreSQL runs as the postgres user and must reach its cluster.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101);
        }

        return data;
    }

    public static async Task<IDistributedApplicationTestingBuilder> CreateBuilderAsync(string data, IEnumerable<string> arguments, CancellationToken ct)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Loyalife_AppHost>(
            [
                "--Infrastructure:Mode=Local", "--Dapr:Runtime=Local", $"--AppHost:DataDirectory={data}",
                // Other tests run beside this one: no fixed ports, and stopping waits for every process.
                "--DcpPublisher:RandomizePorts=true", "--DcpPublisher:WaitForResourceCleanup=true",
                .. arguments,
            ],
            (options, _) => options.DisableDashboard = true,
            ct);
        ClaimTargetPorts(builder);
        return builder;
    }

    /// <summary>
    /// The port each process listens on behind its proxy is otherwise drawn by the orchestrator from the OS's
    /// ephemeral range and bound by the process seconds later; with every project's tests running at once,
    /// another process took one in between (a dispatcher that failed to bind). <see cref="FreePort"/> hands out
    /// ports outside that range, claimed across test processes.
    /// </summary>
    private static void ClaimTargetPorts(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var endpoint in builder.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            endpoint.TargetPort ??= FreePort.Next();
        }
    }

    public static async Task WaitUntilAllHealthyAsync(DistributedApplication app, IResourceCollection resources, CancellationToken ct)
    {
        try
        {
            foreach (var resource in ReadinessReportExtensions.StayingUp(resources))
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
                var exited = e?.Snapshot.ExitCode is not (null or 0);
                if (e?.Snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy || exited)
                {
                    // A process that failed to start needs its whole exception, not just the end of its stack.
                    states.AddRange((await LastLogLinesAsync(app, resource, exited ? 60 : 15)).Select(line => "    " + line));
                }
            }

            Assert.Fail($"Not all resources became healthy ({exception.Message}):\n{string.Join('\n', states)}");
        }
    }

    /// <summary>Everything that starts by itself (not parameters, nor Aspire's on-demand project rebuilders).</summary>
    public static IEnumerable<IResource> Started(IResourceCollection resources) =>
        resources.Where(r => r is not ParameterResource && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any());

    public static async Task<IEnumerable<string>> LastLogLinesAsync(DistributedApplication app, IResource resource, int count = 15)
    {
        var lines = new List<string>();
        await foreach (var batch in app.Services.GetRequiredService<ResourceLoggerService>().GetAllAsync(resource))
        {
            lines.AddRange(batch.Select(l => l.Content));
        }

        return lines.TakeLast(count);
    }
}

using System.Diagnostics;

namespace Loyalife.AppHost;

public static class ReadinessReportExtensions
{
    /// <summary>
    /// Logs one line once every resource that starts by itself is healthy, with the time since the AppHost
    /// started: the moment a newcomer (or a script) can start using the system.
    /// </summary>
    public static IDistributedApplicationBuilder ReportWhenAllHealthy(this IDistributedApplicationBuilder builder)
    {
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, ct) =>
        {
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Loyalife.AppHost");
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            var resources = StayingUp(e.Model.Resources).ToList();
            _ = ReportAsync(notifications, resources, logger, stopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>
    /// The resources that start by themselves and keep running: not parameters, not Aspire's on-demand
    /// project rebuilders, and not the ones another resource waits on to complete (the demo ledger seeds
    /// and exits; whoever waits for it becomes healthy only after it succeeded).
    /// </summary>
    public static IEnumerable<IResource> StayingUp(IEnumerable<IResource> resources)
    {
        var all = resources.ToList();
        var runToCompletion = all.SelectMany(r => r.Annotations.OfType<WaitAnnotation>())
            .Where(w => w.WaitType == WaitType.WaitForCompletion).Select(w => w.Resource).ToHashSet();
        return all.Where(r => r is not ParameterResource && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any() && !runToCompletion.Contains(r));
    }

    private static async Task ReportAsync(
        ResourceNotificationService notifications, IReadOnlyList<IResource> resources, ILogger logger, CancellationToken stopping)
    {
        try
        {
            await Task.WhenAll(resources.Select(r => notifications.WaitForResourceHealthyAsync(r.Name, stopping)));
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            logger.LogInformation("All {Count} resources are healthy, {Seconds:0.0} s after the AppHost started", resources.Count, elapsed.TotalSeconds);
        }
        catch (OperationCanceledException)
        {
            // Stopped before everything was up.
        }
        catch (DistributedApplicationException exception)
        {
            logger.LogWarning("Not every resource became healthy: {Reason}", exception.Message);
        }
    }
}

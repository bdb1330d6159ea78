namespace Loyalife.AppHost.Demo;

/// <summary>The demo integration step's outcome, as one of settings-service's health checks in the dashboard.</summary>
internal sealed class DemoIntegrationCheck(string name)
{
    private volatile HealthCheckResultBox result = new(HealthCheckResult.Unhealthy("Configuring the demo program's MoEngage integration"));

    public string Name { get; } = name;

    public HealthCheckResult Result => result.Value;

    public void Done(ILogger logger, string outcome)
    {
        logger.LogInformation("{Outcome}", outcome);
        result = new(HealthCheckResult.Healthy(outcome));
    }

    public void Failed(ILogger logger, string reason)
    {
        logger.LogWarning("{Reason}", reason);
        result = new(HealthCheckResult.Unhealthy(reason));
    }

    /// <summary>settings-service's other checks have reported, all healthy.</summary>
    public bool OthersHealthy(CustomResourceSnapshot snapshot)
    {
        var others = snapshot.HealthReports.Where(r => r.Name != Name).ToList();
        return others.Count > 0 && others.All(r => r.Status == HealthStatus.Healthy);
    }

    /// <summary>A struct cannot be volatile; a reference to an immutable box can.</summary>
    private sealed record HealthCheckResultBox(HealthCheckResult Value);
}

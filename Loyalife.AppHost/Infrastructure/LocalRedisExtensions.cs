namespace Loyalife.AppHost.Infrastructure;

public static class LocalRedisExtensions
{
    /// <summary>
    /// The machine's redis-server on a loopback port. Nothing is persisted: the dispatcher keeps only
    /// locks and rate-limit windows there, which are worthless after a restart.
    /// </summary>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        var redis = new LocalRedisResource(name, LocalServers.Redis ?? "redis-server", builder.GetDataDirectory());
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RedisPingHealthCheck(redis), failureStatus: null, tags: null));

        return builder.AddResource(redis)
            .WithEndpoint(name: LocalRedisResource.EndpointName, scheme: "tcp")
            // "-::1": also the IPv6 loopback where the machine has one.
            .WithArgs("--port", redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort), "--bind", "127.0.0.1", "-::1",
                "--save", "", "--appendonly", "no")
            .WithIconName("Memory")
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted((_, _, _) =>
            {
                // The working directory must exist before the orchestrator starts the process there.
                Directory.CreateDirectory(redis.WorkingDirectory);
                return Task.CompletedTask;
            });
    }
}

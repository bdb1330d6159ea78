using StackExchange.Redis;

namespace Loyalife.AppHost.Infrastructure;

/// <summary>Healthy when a real connection to Redis answers PING.</summary>
internal sealed class RedisPingHealthCheck(IResourceWithConnectionString resource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.GetConnectionStringAsync(cancellationToken);
            await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString + ",abortConnect=true,connectTimeout=3000");
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(exception.Message, exception);
        }
    }
}

using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Pacing;

/// <summary>
/// A sliding-window log in Redis per workspace and element kind: a reservation is admitted only if the
/// elements reserved in the last window plus it stay within the quota, so no window of a minute, wherever
/// it starts, ever holds more than the quota, whichever replica sent. Redis's own clock decides, so
/// replicas need not agree on the time. A run at the quota still goes at full speed: a window's worth
/// leaves at once, then as each reservation ages out.
/// </summary>
public sealed class RedisQuotaLimiter(
    IConnectionMultiplexer redis, IOptions<SyncOptions> options, TimeProvider time, ILogger<RedisQuotaLimiter> logger) : IQuotaLimiter
{
    // Members are "<id>:<count>"; answers 0 when admitted, else the milliseconds until enough ages out.
    private static readonly LuaScript Reserve = LuaScript.Prepare("""
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local window = tonumber(@window)
        local limit = tonumber(@limit)
        local count = tonumber(@count)
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', now - window)
        local entries = redis.call('ZRANGE', @key, 0, -1, 'WITHSCORES')
        local used = 0
        for i = 1, #entries, 2 do
          local m = entries[i]
          used = used + tonumber(string.sub(m, string.find(m, ':', 1, true) + 1))
        end
        if used + count <= limit or used == 0 then
          redis.call('ZADD', @key, now, @id .. ':' .. count)
          redis.call('PEXPIRE', @key, window + 1000)
          return 0
        end
        local need = used + count - limit
        local freed = 0
        for i = 1, #entries, 2 do
          local m = entries[i]
          freed = freed + tonumber(string.sub(m, string.find(m, ':', 1, true) + 1))
          if freed >= need then
            return tonumber(entries[i + 1]) + window - now + 1
          end
        end
        return window
        """);

    private readonly QuotaOptions quota = options.Value.Quota;

    public async Task<TimeSpan> ReserveAsync(string appId, QuotaKind kind, int count, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (await TryReserveAsync(appId, kind, count, cancellationToken) is { } wait)
        {
            logger.LogDebug("Quota of {Kind} for workspace {AppId} full; waiting {Wait} ms", kind, appId, wait.TotalMilliseconds);
            await Task.Delay(wait, time, cancellationToken);
        }

        return time.GetElapsedTime(started);
    }

    public async Task<TimeSpan?> TryReserveAsync(string appId, QuotaKind kind, int count, CancellationToken cancellationToken)
    {
        var (limit, name) = kind switch
        {
            QuotaKind.BulkUsers => (quota.UsersPerMinute, "users"),
            QuotaKind.BulkEvents => (quota.EventsPerMinute, "events"),
            _ => (quota.GetUsersPerMinute, "getuser"),
        };
        if (limit == 0)
        {
            return null;
        }

        var key = (RedisKey)$"dispatch:quota:{appId}:{name}";
        var window = (long)(quota.Window + quota.SafetyMargin).TotalMilliseconds;
        var id = Guid.NewGuid().ToString("N");
        var answer = (long)await redis.GetDatabase().ScriptEvaluateAsync(Reserve, new { key, window, limit, count, id });
        return answer == 0 ? null : TimeSpan.FromMilliseconds(answer);
    }
}

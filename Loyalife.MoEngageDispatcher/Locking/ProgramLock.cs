using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Locking;

/// <summary>
/// One runner per program across replicas: a Redis key with a lease, renewed while the holder lives, plus a
/// fencing token from PostgreSQL that every checkpoint write is checked against (a holder paused past its
/// lease cannot overwrite the one that took over).
/// </summary>
public sealed class ProgramLock(
    IConnectionMultiplexer redis, FencedRunStore store, IOptions<SyncOptions> options, TimeProvider time, ILogger<ProgramLock> logger)
{
    private static readonly LuaScript Renew = LuaScript.Prepare(
        "if redis.call('GET', @key) == @owner then return redis.call('PEXPIRE', @key, @lease) else return 0 end");

    private static readonly LuaScript Release = LuaScript.Prepare(
        "if redis.call('GET', @key) == @owner then return redis.call('DEL', @key) else return 0 end");

    /// <summary>The lease, or null when another runner holds the program.</summary>
    public async Task<ProgramLease?> TryAcquireAsync(string programId, CancellationToken cancellationToken)
    {
        var key = (RedisKey)$"dispatch:lock:{programId}";
        var owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        var lease = options.Value.LockLease;
        if (!await redis.GetDatabase().StringSetAsync(key, owner, lease, When.NotExists))
        {
            return null;
        }

        var token = await store.NextFencingTokenAsync(cancellationToken);
        return new ProgramLease(this, programId, key, owner, token, lease);
    }

    internal async Task<bool> RenewAsync(RedisKey key, string owner, TimeSpan lease)
    {
        var renewed = (long)await redis.GetDatabase().ScriptEvaluateAsync(
            Renew, new { key, owner, lease = (long)lease.TotalMilliseconds });
        return renewed == 1;
    }

    internal async Task ReleaseAsync(RedisKey key, string owner)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(Release, new { key, owner });
        }
        catch (RedisException exception)
        {
            // The lease expires by itself; failing to delete it only delays the next runner.
            logger.LogWarning(exception, "Could not release {Key}", (string?)key);
        }
    }

    internal TimeProvider Time => time;

    internal ILogger Logger => logger;
}

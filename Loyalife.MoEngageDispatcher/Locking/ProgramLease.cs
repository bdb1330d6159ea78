using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Locking;

/// <summary>A held program lock: renewed in the background; <see cref="Lost"/> fires if renewal fails.</summary>
public sealed class ProgramLease : IAsyncDisposable
{
    /// <summary>
    /// Renewals per lease: renewing at a third of it leaves two more chances (a slow Redis, a paused process)
    /// before the key expires and another runner may take the program.
    /// </summary>
    private const int RenewalsPerLease = 3;

    private readonly ProgramLock owner;
    private readonly RedisKey key;
    private readonly string value;
    private readonly CancellationTokenSource lost = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewal;

    internal ProgramLease(ProgramLock owner, string programId, RedisKey key, string value, long fencingToken, TimeSpan lease)
    {
        this.owner = owner;
        this.key = key;
        this.value = value;
        ProgramId = programId;
        FencingToken = fencingToken;
        renewal = RenewAsync(lease);
    }

    public string ProgramId { get; }

    public long FencingToken { get; }

    public CancellationToken Lost => lost.Token;

    private async Task RenewAsync(TimeSpan lease)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / RenewalsPerLease, owner.Time, stop.Token);
                if (!await owner.RenewAsync(key, value, lease))
                {
                    owner.Logger.LogWarning("Lost the lock of program {ProgramId}", ProgramId);
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (RedisException exception)
        {
            owner.Logger.LogWarning(exception, "Could not renew the lock of program {ProgramId}", ProgramId);
            await lost.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewal;
        await owner.ReleaseAsync(key, value);
        stop.Dispose();
        lost.Dispose();
    }
}

using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// A Redis failure in a few words for a run's reason. The client's own message is a page of connection
/// diagnostics (counters, thread-pool figures, a link); an on-call engineer needs the dependency and the kind
/// of failure first, which the exception's typed properties give.
/// </summary>
internal static class RedisFailure
{
    public static string Summary(Exception exception) => exception switch
    {
        RedisConnectionException connection => $"no connection ({connection.FailureType})",
        RedisTimeoutException timeout => $"a command timed out ({timeout.Commandstatus})",
        _ => exception.Message,
    };
}

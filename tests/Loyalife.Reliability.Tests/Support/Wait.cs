namespace Loyalife.Reliability.Tests.Support;

/// <summary>Every wait in this suite is bounded and says what it waited for.</summary>
public static class Wait
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, Func<T, string> what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"after {timeout.TotalSeconds:0} s: {what(value)}");
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(100));
        }
    }
}

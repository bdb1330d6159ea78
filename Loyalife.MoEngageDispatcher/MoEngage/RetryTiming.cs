namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>How long MoEngage's clients wait before trying again: after a failure, and after a 429.</summary>
public sealed class RetryTiming(IOptions<MoEngageOptions> options, TimeProvider time)
{
    private readonly MoEngageOptions settings = options.Value;

    /// <summary>Exponential back-off with full jitter, so replicas that failed together do not retry together.</summary>
    public TimeSpan Backoff(int retry)
    {
        var ceiling = Math.Min(settings.MaxDelay.TotalMilliseconds, settings.BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    /// <summary>
    /// The wait a 429 asks for: <c>x-ratelimit-reset</c> as seconds to wait or as a Unix time (both are seen
    /// in the wild), else <c>Retry-After</c>, else a second; never longer than the configured bound.
    /// </summary>
    public TimeSpan RateLimitWait(HttpResponseMessage response)
    {
        var wait = TimeSpan.FromSeconds(1);
        if (response.Headers.TryGetValues("x-ratelimit-reset", out var values)
            && double.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, out var reset))
        {
            wait = reset > 1_000_000_000
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)(reset * 1000)) - time.GetUtcNow()
                : TimeSpan.FromSeconds(reset);
        }
        else if (response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date - time.GetUtcNow()) ?? wait;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.MaxRateLimitWait ? settings.MaxRateLimitWait : wait;
    }
}

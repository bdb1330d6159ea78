namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>How the dispatcher talks to MoEngage's Bulk Import API (section <c>MoEngage</c>).</summary>
public sealed class MoEngageOptions
{
    public const string Section = "MoEngage";

    /// <summary>
    /// MoEngage's documented cap is "100 KB" per Bulk Import body (413 beyond); 100,000 bytes satisfies both
    /// readings of KB.
    /// </summary>
    // Above the cap only to prove the 413 split against the stand-in.
    [Range(1024, 10_485_760)]
    public int MaxBodyBytes { get; set; } = 100_000;

    /// <summary>One attempt's budget; a slower answer is treated like a 5xx (and as a possible duplicate).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Bodies in flight at once for one run: overlaps MoEngage's latency with packing and checkpointing.
    /// The quota limiter still decides how many elements go per minute.
    /// </summary>
    [Range(1, 32)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Attempts per body (and per Get User call) for 5xx, timeouts and dropped connections before the run fails.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait a 429's reset header may impose, and how many 429 waits one body may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(65);

    [Range(1, 1000)]
    public int MaxRateLimitWaitsPerBody { get; set; } = 30;
}

namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>
/// A workspace's quotas (docs/moengage.md: Bulk Import 60,000 users and 60,000 events a minute, Get User
/// 1,000 users; MoEngage can raise them). Zero means unlimited (benchmarks against the unlimited stand-in).
/// </summary>
public sealed class QuotaOptions
{
    [Range(0, int.MaxValue)]
    public int UsersPerMinute { get; set; } = 60_000;

    [Range(0, int.MaxValue)]
    public int EventsPerMinute { get; set; } = 60_000;

    /// <summary>Get User's quota: users asked about per minute (MoEngage documents 1,000).</summary>
    [Range(0, int.MaxValue)]
    public int GetUsersPerMinute { get; set; } = 1_000;

    /// <summary>The quota's window; a minute in MoEngage (tests shorten it to see a window pass).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Added to the window before an element leaves it: what MoEngage counts is when a body arrives, a
    /// little after the limiter reserved it, so a window that ends exactly would let the next minute's
    /// first body overlap the last one's.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromSeconds(2);
}

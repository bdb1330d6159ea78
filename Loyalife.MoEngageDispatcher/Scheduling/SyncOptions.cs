namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>When and how fast programs are synced (section <c>Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>How many closed nights back a tick looks for days not yet synced (and retries failed runs).</summary>
    [Range(1, 366)]
    public int MaxCatchUpDays { get; set; } = 7;

    /// <summary>Snapshot page size asked for (snapshot-service serves at most 10,000, docs/ledger.md).</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 5000;

    /// <summary>Programs synced at the same time by one replica.</summary>
    [Range(1, 64)]
    public int MaxConcurrentPrograms { get; set; } = 2;

    /// <summary>Redis lock lease per program; renewed at a third of it while the run lives.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LockLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a run checks that its program's integration is still enabled.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan EnabledCheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Required]
    public QuotaOptions Quota { get; set; } = new();
}

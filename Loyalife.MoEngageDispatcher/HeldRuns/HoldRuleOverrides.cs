namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>One program's own hold rules; a setting left out is the section's.</summary>
public sealed class HoldRuleOverrides
{
    public bool? Enabled { get; set; }

    [Range(1.0, 1_000_000.0)]
    public double? EventsFactor { get; set; }

    [Range(0, long.MaxValue)]
    public long? EventsMinimum { get; set; }

    [Range(1, 366)]
    public int? HistoryNights { get; set; }

    [Range(0.0, 100.0)]
    public double? MemberDropPercent { get; set; }
}

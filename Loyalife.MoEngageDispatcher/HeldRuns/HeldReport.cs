namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>
/// <c>report.held</c> of a held run: the day that was not sent, the first rule it broke with its figures
/// (every rule it broke in <see cref="Breaches"/>), and what an admin decided.
/// </summary>
public sealed class HeldReport
{
    public required string BusinessDate { get; set; }

    public required string Rule { get; set; }

    public required JsonObject Figures { get; set; }

    public required string Summary { get; set; }

    public List<HoldBreach> Breaches { get; set; } = [];

    public DateTimeOffset HeldAt { get; set; }

    /// <summary>Set by a release: this day goes out as it was held, without being checked again.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    public string? ReleasedBy { get; set; }

    public DateTimeOffset? SkippedAt { get; set; }

    public string? SkippedBy { get; set; }
}

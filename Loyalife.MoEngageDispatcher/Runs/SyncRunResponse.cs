namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>A run as an admin reads it: what started it, how it ended, and its report.</summary>
public sealed record SyncRunResponse(
    Guid RunId,
    string ProgramId,
    string? BusinessDate,
    DateOnly From,
    DateOnly To,
    string Trigger,
    bool DryRun,
    string Status,
    string? Reason,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    int Attempts,
    RunReport Report,
    IReadOnlyList<RejectedElement>? Rejected)
{
    public static SyncRunResponse Of(SyncRun run, IReadOnlyList<RejectedElement>? rejected = null) => new(
        run.RunId, run.ProgramId, run.From == run.To ? run.From.ToString("yyyy-MM-dd") : null, run.From, run.To, run.Trigger,
        run.DryRun, run.Status, run.Reason, run.RequestedAt, run.StartedAt, run.FinishedAt,
        run.StartedAt is { } started && run.FinishedAt is { } finished ? (finished - started).TotalSeconds : null,
        run.Attempts, run.Report, rejected);
}

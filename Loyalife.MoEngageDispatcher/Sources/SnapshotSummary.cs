namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>snapshot-service's summary of a program-day: what a complete run should have sent.</summary>
public sealed record SnapshotSummary(
    string ProgramId,
    string BusinessDate,
    DateTimeOffset AsOf,
    long Members,
    IReadOnlyDictionary<string, long>? SkippedMembers,
    IReadOnlyDictionary<string, long>? Events);

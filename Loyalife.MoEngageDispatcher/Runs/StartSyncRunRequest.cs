namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary><c>{"businessDate"}</c> (a date, or <c>"latest"</c> for the latest closed one) for one date, or <c>{"from","to"}</c> for a backfill; <c>dryRun</c> sends nothing.</summary>
public sealed record StartSyncRunRequest(string? BusinessDate, string? From, string? To, bool DryRun);

namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>What a release or skip came to, and the run as it now stands (null for an unknown run).</summary>
public sealed record HeldRunDecision(HeldRunDecisionOutcome Outcome, SyncRun? Run);

namespace Loyalife.MoEngageDispatcher.HeldRuns;

public enum HeldRunDecisionOutcome
{
    Decided,
    NotHeld,
    UnknownRun,
}

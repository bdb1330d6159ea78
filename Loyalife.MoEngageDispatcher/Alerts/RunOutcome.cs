namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// What is known about a program after something happened to one of its runs. A null figure says nothing
/// about its condition (a run that failed early has no count of members not in MoEngage); a null status
/// says nothing about the run's own conditions (a verification completed later, when a newer run may have
/// failed, must not resolve that failure).
/// </summary>
public sealed record RunOutcome(
    SyncRun Run,
    string? Status,
    string? Reason,
    bool CredentialsRejected = false,
    HeldReport? Held = null,
    long? MembersNotInMoEngage = null,
    bool? VerificationFailing = null,
    string? DecidedBy = null);

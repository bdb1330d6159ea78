namespace Loyalife.MoEngageDispatcher.Verification;

/// <summary>A finished run whose sample is due to be read back: the date whose members it samples.</summary>
public sealed record PendingVerification(Guid RunId, string ProgramId, DateOnly BusinessDate, DateTimeOffset DueAt);

namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>
/// snapshot-service's one member of a closed day (docs/ledger.md): its trimmed reference, why it is not sent (if it is
/// not), its item of the members page (null when not sent) and its items of the events pages.
/// </summary>
public sealed record MemberDay(
    string ProgramId, string BusinessDate, string MemberId, string? CustomerId, string? SkipReason, JsonElement? Member,
    IReadOnlyList<JsonElement> Events);

namespace Loyalife.SettingsService.Admin;

/// <summary>An admin's release or skip of a held run, bound in one piece (<c>[AsParameters]</c>); it is audited under <see cref="User"/>.</summary>
public sealed record HeldRunDecision(
    string ProgramId, Guid RunId, HttpContext Http, ClaimsPrincipal User, ProgramDirectory Programs, DispatcherClient Dispatcher, SettingsStore Audit,
    CancellationToken Cancellation)
{
    public DispatcherCall Call => new(ProgramId, Http, Programs, Dispatcher, Cancellation);
}

namespace Loyalife.SettingsService.Admin;

/// <summary>An admin's release or skip of a held intraday pass, bound in one piece (<c>[AsParameters]</c>); audited like a held run's.</summary>
public sealed record HeldPassDecision(
    string ProgramId, Guid PassId, HttpContext Http, ClaimsPrincipal User, ProgramDirectory Programs, DispatcherClient Dispatcher, SettingsStore Audit,
    CancellationToken Cancellation)
{
    /// <summary>The same call as a held run's decision; the pass id goes in the path.</summary>
    public HeldRunDecision Decision => new(ProgramId, Guid.Empty, Http, User, Programs, Dispatcher, Audit, Cancellation);
}

namespace Loyalife.SettingsService.Admin;

/// <summary>What every call forwarded to the dispatcher needs, bound in one piece (<c>[AsParameters]</c>).</summary>
public sealed record DispatcherCall(string ProgramId, HttpContext Http, ProgramDirectory Programs, DispatcherClient Dispatcher, CancellationToken Cancellation);

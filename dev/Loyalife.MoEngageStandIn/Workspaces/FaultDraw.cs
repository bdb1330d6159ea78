namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>The fault (if any) one request meets, and how long it waits before it is processed.</summary>
internal readonly record struct FaultDraw(FaultKind Kind, TimeSpan Delay);

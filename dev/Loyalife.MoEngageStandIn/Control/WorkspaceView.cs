namespace Loyalife.MoEngageStandIn.Control;

/// <summary>A workspace's settings (without its key) and what it holds.</summary>
public sealed record WorkspaceView(
    string AppId,
    string DataCenter,
    string AppName,
    string? CustomerIdPattern,
    WorkspaceLimits Limits,
    WorkspaceFaults Faults,
    GetUserSettings GetUser,
    int ProcessingDelayMilliseconds,
    bool RequireContentLength,
    int EventsKeptPerCustomer,
    string BulkElementFaults,
    WorkspaceStats Stats);

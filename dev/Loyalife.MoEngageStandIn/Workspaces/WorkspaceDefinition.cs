namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// The body of <c>PUT /control/workspaces/{appId}</c>, and one entry of <c>StandIn:Workspaces</c>
/// (where <see cref="AppId"/> is required). Omitted sections take defaults: MoEngage's documented quotas,
/// no faults.
/// </summary>
public sealed record WorkspaceDefinition
{
    public string? AppId { get; init; }

    public string? DataCenter { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>What Test Connection answers as <c>app_name</c>; defaults to the App ID.</summary>
    public string? AppName { get; init; }

    /// <summary>Customer profiles that already exist in the workspace.</summary>
    public string[]? CustomerIds { get; init; }

    /// <summary>Customer IDs matching this regular expression also count as existing profiles.</summary>
    public string? CustomerIdPattern { get; init; }

    public WorkspaceLimits? Limits { get; init; }

    public WorkspaceFaults? Faults { get; init; }
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// The body of <c>PUT /control/workspaces/{appId}</c>, and one entry of <c>StandIn:Workspaces</c>
/// (where <see cref="AppId"/> is required). Omitted sections take defaults: MoEngage's documented quotas,
/// no faults, Get User off, data applied at once, chunked bodies accepted, a Bulk body's invalid elements dropped.
/// </summary>
public sealed record WorkspaceDefinition
{
    public string? AppId { get; init; }

    public string? DataCenter { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>What Test Connection answers as <c>app_name</c>; defaults to the App ID.</summary>
    public string? AppName { get; init; }

    /// <summary>Customer profiles that already exist in the workspace (IDs only).</summary>
    public string[]? CustomerIds { get; init; }

    /// <summary>Profiles that already exist, each an ID or <c>{"customerId","attributes"}</c>.</summary>
    public CustomerSeed[]? Customers { get; init; }

    /// <summary>Customer IDs matching this regular expression also count as existing profiles.</summary>
    public string? CustomerIdPattern { get; init; }

    public WorkspaceLimits? Limits { get; init; }

    public WorkspaceFaults? Faults { get; init; }

    /// <summary>MoEngage support switches Get User on per workspace; off unless this says so.</summary>
    public GetUserSettings? GetUser { get; init; }

    /// <summary>
    /// How long accepted data stays invisible (profiles, events, Get User, the content counters): MoEngage
    /// applies what it accepted asynchronously. 0 applies it before the answer.
    /// </summary>
    public int ProcessingDelayMilliseconds { get; init; }

    /// <summary>
    /// When true a request without <c>Content-Length</c> (a chunked body) is refused with 411. MoEngage says
    /// not to rely on chunked bodies without saying what it does with one, so the default accepts them.
    /// </summary>
    public bool RequireContentLength { get; init; }

    /// <summary>
    /// How many of each customer's latest events are kept for inspection; older ones are only counted
    /// (<c>eventsNotKept</c>). Null takes <c>StandIn:EventsKeptPerCustomer</c>.
    /// </summary>
    public int? EventsKeptPerCustomer { get; init; }

    /// <summary>
    /// A Bulk Import body holding an invalid element: <c>drop</c> (the default) answers 200 and drops only the
    /// invalid elements, as MoEngage's data overview says; <c>reject</c> answers 400 with MoEngage's error body
    /// naming the fault and applies nothing of the body, as the 400 examples of MoEngage's OpenAPI file show.
    /// </summary>
    public string? BulkElementFaults { get; init; }
}

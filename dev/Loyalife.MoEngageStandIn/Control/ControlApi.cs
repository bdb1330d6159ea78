namespace Loyalife.MoEngageStandIn.Control;

/// <summary>
/// Set-up and inspection for tests and people. Unauthenticated on purpose: the stand-in is a development
/// tool bound to a developer's machine or a test process.
/// </summary>
internal static class ControlApi
{
    private const int DefaultRequestLimit = 50;
    private const int DefaultCustomerLimit = 100;
    private const int MaxCustomerLimit = 10_000;

    public static RouteGroupBuilder MapControlApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/control").WithTags("Control");
        group.MapGet("/workspaces", ListWorkspaces);
        group.MapPut("/workspaces/{appId}", PutWorkspace);
        group.MapGet("/workspaces/{appId}", GetWorkspace);
        group.MapDelete("/workspaces/{appId}", DeleteWorkspace);
        group.MapPost("/workspaces/{appId}/reset", ResetWorkspace);
        group.MapPost("/workspaces/{appId}/customers", AddCustomers);
        group.MapGet("/workspaces/{appId}/customers", ListCustomers);
        group.MapGet("/workspaces/{appId}/customers/{customerId}", GetCustomer);
        group.MapGet("/workspaces/{appId}/events", GetEvents);
        group.MapGet("/workspaces/{appId}/stats", GetStats);
        group.MapGet("/workspaces/{appId}/requests", GetRequests);
        group.MapPost("/reset", Reset);
        return group;
    }

    private static Ok<List<WorkspaceView>> ListWorkspaces(WorkspaceRegistry registry) =>
        TypedResults.Ok(registry.All.Select(View).ToList());

    private static Results<Ok<WorkspaceView>, ValidationProblem> PutWorkspace(
        string appId, WorkspaceDefinition definition, WorkspaceRegistry registry)
    {
        var errors = WorkspaceDefinitionValidator.Validate(definition, appId);
        if (definition.AppId is { } bodyAppId && bodyAppId != appId)
        {
            errors["appId"] = ["The body's appId differs from the path's."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(View(registry.Put(appId, definition)));
    }

    private static Results<Ok<WorkspaceView>, ProblemHttpResult> GetWorkspace(string appId, WorkspaceRegistry registry) =>
        registry.Find(appId) is { } workspace ? TypedResults.Ok(View(workspace)) : NoSuchWorkspace(appId);

    private static Results<NoContent, ProblemHttpResult> DeleteWorkspace(string appId, WorkspaceRegistry registry) =>
        registry.Remove(appId) ? TypedResults.NoContent() : NoSuchWorkspace(appId);

    private static Results<Ok<WorkspaceView>, ProblemHttpResult> ResetWorkspace(string appId, WorkspaceRegistry registry) =>
        registry.Find(appId) is { } workspace
            ? TypedResults.Ok(View(registry.Put(appId, workspace.Definition)))
            : NoSuchWorkspace(appId);

    private static Results<NoContent, ProblemHttpResult, ValidationProblem> AddCustomers(
        string appId, CustomerIdsRequest request, WorkspaceRegistry registry)
    {
        if (request.CustomerIds is null || request.CustomerIds.Any(string.IsNullOrEmpty))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["customerIds"] = ["A list of non-empty customer IDs is required."],
            });
        }

        if (registry.Find(appId) is not { } workspace)
        {
            return NoSuchWorkspace(appId);
        }

        workspace.AddCustomers(request.CustomerIds);
        return TypedResults.NoContent();
    }

    private static Results<Ok<CustomerView>, ProblemHttpResult> GetCustomer(
        string appId, string customerId, WorkspaceRegistry registry)
    {
        if (registry.Find(appId) is not { } workspace)
        {
            return NoSuchWorkspace(appId);
        }

        return workspace.Customer(customerId) is { } profile
            ? TypedResults.Ok(new CustomerView(customerId, profile.Attributes, profile.AttributeTypes, profile.Origin))
            : TypedResults.Problem($"Workspace '{appId}' has no profile '{customerId}'.", statusCode: StatusCodes.Status404NotFound);
    }

    private static Results<Ok<CustomerList>, ProblemHttpResult, ValidationProblem> ListCustomers(
        string appId, string? origin, int? limit, WorkspaceRegistry registry)
    {
        if (!ProfileOrigins.TryParse(origin, out var wanted))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["origin"] = ["One of defined, added, pattern, customer, event."],
            });
        }

        if (registry.Find(appId) is not { } workspace)
        {
            return NoSuchWorkspace(appId);
        }

        var (total, page) = workspace.Customers(wanted, Math.Clamp(limit ?? DefaultCustomerLimit, 0, MaxCustomerLimit));
        return TypedResults.Ok(new CustomerList(total, page.Select(p => new CustomerListItem(p.CustomerId, ProfileOrigins.Name(p.Origin))).ToList()));
    }

    private static Results<Ok<List<EventView>>, ProblemHttpResult> GetEvents(
        string appId, string? customerId, string? name, WorkspaceRegistry registry) =>
        registry.Find(appId) is { } workspace
            ? TypedResults.Ok(workspace.Events(customerId, name)
                .Select(e => new EventView(e.CustomerId, e.Name, Json(e.AttributesJson), e.CurrentTime, e.ReceivedAt))
                .ToList())
            : NoSuchWorkspace(appId);

    private static Results<Ok<WorkspaceStats>, ProblemHttpResult> GetStats(string appId, WorkspaceRegistry registry) =>
        registry.Find(appId) is { } workspace ? TypedResults.Ok(workspace.Stats()) : NoSuchWorkspace(appId);

    private static Results<Ok<List<RequestLogEntry>>, ProblemHttpResult> GetRequests(
        string appId, int? limit, WorkspaceRegistry registry) =>
        registry.Find(appId) is { } workspace
            ? TypedResults.Ok(workspace.Requests(Math.Max(1, limit ?? DefaultRequestLimit)))
            : NoSuchWorkspace(appId);

    private static NoContent Reset(WorkspaceRegistry registry)
    {
        registry.Reset();
        return TypedResults.NoContent();
    }

    private static WorkspaceView View(Workspace w) =>
        new(w.AppId, w.DataCenter, w.AppName, w.CustomerIdPattern, w.Limits, w.Faults, w.GetUser,
            (int)w.ProcessingDelay.TotalMilliseconds, w.RequireContentLength, w.EventsKeptPerCustomer,
            w.BulkElementFaults, w.Stats());

    private static ProblemHttpResult NoSuchWorkspace(string appId) =>
        TypedResults.Problem($"No workspace '{appId}'.", statusCode: StatusCodes.Status404NotFound);

    private static JsonElement Json(byte[] rawJson)
    {
        using var document = JsonDocument.Parse(rawJson);
        return document.RootElement.Clone();
    }
}

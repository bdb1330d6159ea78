namespace Loyalife.SettingsService.Alerts;

/// <summary>
/// The dispatcher's alert endpoints as the admin page reaches them: a test alert to the program's targets,
/// and the program's alert deliveries (the dispatcher is the only sender, so it alone knows how they went).
/// </summary>
public static class AlertsProxy
{
    public static RouteGroupBuilder MapAlertsProxy(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/v1/programs/{programId}/alerts").WithTags("Alerts").RequireProgramAccess();
        api.MapPost("/test", SendTestAsync).WithSummary("Send a test alert to each of the program's alert targets (through the dispatcher).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        api.MapGet("/deliveries", DeliveriesAsync).WithSummary("The program's alert deliveries, newest first, from the dispatcher (limit: 1–500).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    private static Task<Results<DispatcherAnswer, ProblemHttpResult>> SendTestAsync([AsParameters] DispatcherCall call) =>
        DispatcherProxy.ForwardAsync(call, HttpMethod.Post, $"/v1/programs/{Uri.EscapeDataString(call.ProgramId)}/alerts/test");

    private static Task<Results<DispatcherAnswer, ProblemHttpResult>> DeliveriesAsync([AsParameters] DispatcherCall call, string? limit) =>
        // Only the parameter the dispatcher knows goes on; it validates the value.
        DispatcherProxy.ForwardAsync(call, HttpMethod.Get,
            $"/v1/programs/{Uri.EscapeDataString(call.ProgramId)}/alerts/deliveries{(limit is null ? "" : QueryString.Create("limit", limit))}");
}

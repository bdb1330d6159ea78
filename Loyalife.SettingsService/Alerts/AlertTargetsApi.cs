namespace Loyalife.SettingsService.Alerts;

/// <summary>A program's alert targets: for admins without their secrets, for the dispatcher (through Dapr only) with them.</summary>
public static class AlertTargetsApi
{
    public static IEndpointRouteBuilder MapAlertTargetsApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/v1/programs/{programId}/alerts/targets").WithTags("Alerts").RequireProgramAccess();
        admin.MapGet("", ListAsync).WithSummary("The program's alert webhooks, without their signing secrets.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("", AddAsync).WithSummary("Add an alert webhook (HTTPS to a public address), optionally with an HMAC-SHA256 signing secret.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/{targetId:guid}", RemoveAsync).WithSummary("Remove an alert webhook and its signing secret.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGroup("/internal/v1/programs/{programId}/alerts").WithTags("Internal").RequireAuthorization(AuthPolicies.ThroughDapr)
            .MapGet("/targets", ForDispatcherAsync).WithSummary("The program's alert webhooks with their signing secrets, for the dispatcher (through Dapr only).")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return routes;
    }

    private static async Task<Results<Ok<IReadOnlyList<AlertTargetView>>, ProblemHttpResult>> ListAsync(
        string programId, ProgramDirectory programs, AlertTargetStore store, CancellationToken ct)
    {
        if (!await programs.ExistsAsync(programId, ct))
        {
            return ApiProblems.UnknownProgram(programId);
        }

        return TypedResults.Ok<IReadOnlyList<AlertTargetView>>([.. (await store.ListAsync(programId, ct)).Select(row => row.ToView())]);
    }

    private static async Task<Results<Created<AlertTargetView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string programId, AlertTargetRequest request, ClaimsPrincipal user, AlertTargetCommands commands, CancellationToken ct)
    {
        var outcome = await commands.AddAsync(programId, request, AdminUser.NameOf(user), ct);
        return outcome switch
        {
            { UnknownProgram: true } => ApiProblems.UnknownProgram(programId),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors, title: "The alert target is not valid"),
            { TooMany: true } => ApiProblems.Problem(StatusCodes.Status409Conflict, "Too many alert targets",
                $"Program '{programId}' has as many alert targets as it may; remove one first."),
            { Added: { } added } => TypedResults.Created($"/v1/programs/{Uri.EscapeDataString(programId)}/alerts/targets/{added.TargetId}", added),
            _ => throw new InvalidOperationException("Adding an alert target ended without an outcome."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string programId, Guid targetId, ClaimsPrincipal user, AlertTargetCommands commands, CancellationToken ct) =>
        await commands.RemoveAsync(programId, targetId, AdminUser.NameOf(user), ct)
            ? TypedResults.NoContent()
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown alert target", $"Program '{programId}' has no alert target {targetId}.");

    private static async Task<Results<Ok<IReadOnlyList<DispatcherAlertTarget>>, ProblemHttpResult>> ForDispatcherAsync(
        string programId, AlertTargetCommands commands, CancellationToken ct) =>
        await commands.ForDispatcherAsync(programId, ct) is { } targets
            ? TypedResults.Ok(targets)
            : ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "A signing secret could not be read",
                $"The secret store did not return a signing secret of program '{programId}'; alerts wait until it does.");
}

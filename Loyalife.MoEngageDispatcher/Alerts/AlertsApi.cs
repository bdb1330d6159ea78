using System.Security.Claims;

namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>For admins: send a test alert to a program's targets, and list its alert deliveries.</summary>
public static class AlertsApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/programs/{programId}/alerts").WithTags("Alerts").RequireProgramAccess();
        api.MapPost("/test", SendTestAsync).WithSummary("Send a test alert to each of the program's alert targets.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/deliveries", ListDeliveriesAsync).WithSummary("The program's alert deliveries, newest first (limit: 1–500, default 50).");
        return api;
    }

    public static async Task<Results<Accepted<TestAlertAccepted>, ProblemHttpResult>> SendTestAsync(
        string programId, ClaimsPrincipal user, ISnapshotSource snapshots, IAlertTargetSource targets, AlertStore store, AlertSender sender,
        IOptions<AlertOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await snapshots.GetProgramAsync(programId, cancellationToken) is null)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        var found = await targets.GetTargetsAsync(programId, cancellationToken);
        if (found.Count == 0)
        {
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "No alert targets", $"Program '{programId}' has no alert targets; add a webhook first.");
        }

        var alertId = Guid.CreateVersion7();
        var body = AlertBody.Build(alertId, AlertCondition.Test, AlertBody.TestState, programId, null,
            $"Program {programId}: a test alert from the Loyalife → MoEngage integration, sent by {AdminUser.NameOf(user)}. This program's alerts arrive here.",
            [], options.Value.AdminPageUrl, time.GetUtcNow());
        var deliveries = await store.InsertRoutedAsync(alertId, programId, AlertCondition.Test, body, found, cancellationToken);
        sender.Wake();
        return TypedResults.Accepted($"/v1/programs/{Uri.EscapeDataString(programId)}/alerts/deliveries", new TestAlertAccepted(deliveries));
    }

    public static async Task<Results<Ok<IReadOnlyList<AlertDelivery>>, ValidationProblem>> ListDeliveriesAsync(
        string programId, AlertStore store, CancellationToken cancellationToken, int? limit = null)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLimit}."] });
        }

        return TypedResults.Ok(await store.ListAsync(programId, limit ?? DefaultLimit, cancellationToken));
    }
}

using System.Security.Claims;
using Loyalife.ServiceDefaults.Auth;
using Loyalife.ServiceDefaults.Problems;
using Loyalife.SettingsService.Programs;
using Loyalife.SettingsService.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loyalife.SettingsService.Alerts;

/// <summary>A program's alert targets: for admins without their secrets, for the dispatcher (through Dapr only) with them.</summary>
public static class AlertTargetsApi
{
    public static IEndpointRouteBuilder MapAlertTargetsApi(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/v1/programs/{programId}/alerts/targets").WithTags("Alerts").RequireAuthorization(AuthPolicies.Admin);
        admin.MapGet("", ListAsync).WithSummary("The program's alert webhooks, without their signing secrets.");
        admin.MapPost("", AddAsync).WithSummary("Add an alert webhook (HTTPS to a public address), optionally with an HMAC-SHA256 signing secret.");
        admin.MapDelete("/{targetId:guid}", RemoveAsync).WithSummary("Remove an alert webhook and its signing secret.");

        routes.MapGroup("/internal/v1/programs/{programId}/alerts").WithTags("Internal").RequireAuthorization(AuthPolicies.ThroughDapr)
            .MapGet("/targets", ForDispatcherAsync).WithSummary("The program's alert webhooks with their signing secrets, for the dispatcher (through Dapr only).");
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
            { TooMany: true } => TypedResults.Problem(title: "Too many alert targets", statusCode: StatusCodes.Status409Conflict,
                detail: $"Program '{programId}' has as many alert targets as it may; remove one first."),
            { Added: { } added } => TypedResults.Created($"/v1/programs/{Uri.EscapeDataString(programId)}/alerts/targets/{added.TargetId}", added),
            _ => throw new InvalidOperationException("Adding an alert target ended without an outcome."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string programId, Guid targetId, ClaimsPrincipal user, AlertTargetCommands commands, CancellationToken ct) =>
        await commands.RemoveAsync(programId, targetId, AdminUser.NameOf(user), ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Unknown alert target", detail: $"Program '{programId}' has no alert target {targetId}.",
                statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<IReadOnlyList<DispatcherAlertTarget>>, ProblemHttpResult>> ForDispatcherAsync(
        string programId, AlertTargetCommands commands, CancellationToken ct) =>
        await commands.ForDispatcherAsync(programId, ct) is { } targets
            ? TypedResults.Ok(targets)
            : TypedResults.Problem(title: "A signing secret could not be read",
                detail: $"The secret store did not return a signing secret of program '{programId}'; alerts wait until it does.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
}

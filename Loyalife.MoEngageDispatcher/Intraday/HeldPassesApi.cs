using System.Security.Claims;

namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// Held passes and an admin's decision on one, as on a held run: release it (sent as it was held, then the lane goes
/// on with the day) or skip it (its events are never sent, neither by the lane nor by that day's night).
/// </summary>
public static class HeldPassesApi
{
    public static RouteGroupBuilder MapHeldPassesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/programs/{programId}/intraday-passes").WithTags("Intraday lane").RequireProgramAccess();
        api.MapGet("/held", async (string programId, PassStore passes, CancellationToken ct) =>
                TypedResults.Ok((await passes.HeldAsync(programId, ct)).Select(HeldPass.Of).ToList()))
            .WithSummary("The program's held intraday passes, newest first: each stops the lane for its day until released or skipped.");
        api.MapPost("/{passId:guid}/release", (string programId, Guid passId, ClaimsPrincipal user, PassDecisions decisions, CancellationToken ct) =>
                decisions.DecideAsync(programId, passId, release: true, AdminUser.NameOf(user), ct))
            .WithSummary("Release a held pass: it is sent as it was held, and the lane goes on with its day.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{passId:guid}/skip", (string programId, Guid passId, ClaimsPrincipal user, PassDecisions decisions, CancellationToken ct) =>
                decisions.DecideAsync(programId, passId, release: false, AdminUser.NameOf(user), ct))
            .WithSummary("Skip a held pass: its events are never sent (nor by its day's night), and the lane goes on with the rows after it.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }
}

using System.Security.Claims;

namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>An admin's decision on a held run: release it (send the held day as it is) or skip it (never send it).</summary>
public static class HeldRunsApi
{
    public static RouteGroupBuilder MapHeldRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/programs/{programId}/sync-runs/{runId:guid}").WithTags("Held runs").RequireProgramAccess();
        api.MapPost("/release", (string programId, Guid runId, ClaimsPrincipal user, HeldRunStore store, AlertMonitor alerts, DispatchWorker worker, CancellationToken ct) =>
            DecideAsync(programId, runId, release: true, user, store, alerts, worker, ct))
            .WithSummary("Release a held run: its held day is sent as it was held, and later days follow.");
        api.MapPost("/skip", (string programId, Guid runId, ClaimsPrincipal user, HeldRunStore store, AlertMonitor alerts, DispatchWorker worker, CancellationToken ct) =>
            DecideAsync(programId, runId, release: false, user, store, alerts, worker, ct))
            .WithSummary("Skip a held run: its held day is never sent, and later days follow.");
        return api;
    }

    public static async Task<Results<Ok<SyncRunResponse>, ProblemHttpResult>> DecideAsync(
        string programId, Guid runId, bool release, ClaimsPrincipal user, HeldRunStore store, AlertMonitor alerts, DispatchWorker worker,
        CancellationToken cancellationToken)
    {
        var actor = AdminUser.NameOf(user);
        var decision = await store.DecideAsync(programId, runId, release, actor, cancellationToken);
        switch (decision)
        {
            case { Outcome: HeldRunDecisionOutcome.UnknownRun }:
                return ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown run", $"Program '{programId}' has no sync run {runId}.");
            case { Outcome: HeldRunDecisionOutcome.NotHeld, Run: var run }:
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "The run is not held",
                    $"Sync run {runId} is {run?.Status}; only a held run can be released or skipped.");
        }

        var decided = decision.Run!;
        await alerts.ObserveAsync(new RunOutcome(decided, decided.Status, decided.Reason, Held: decided.Report.Held, DecidedBy: actor), CancellationToken.None);
        if (release)
        {
            worker.Wake(programId, System.Diagnostics.Activity.Current?.Context ?? default);
        }

        return TypedResults.Ok(SyncRunResponse.Of(decided));
    }
}

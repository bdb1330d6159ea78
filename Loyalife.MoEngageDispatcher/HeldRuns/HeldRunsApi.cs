using System.Security.Claims;
using Loyalife.MoEngageDispatcher.Alerts;
using Loyalife.ServiceDefaults.Auth;
using Loyalife.MoEngageDispatcher.Runs;
using Loyalife.MoEngageDispatcher.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>An admin's decision on a held run: release it (send the held day as it is) or skip it (never send it).</summary>
public static class HeldRunsApi
{
    public static RouteGroupBuilder MapHeldRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/programs/{programId}/sync-runs/{runId:guid}").WithTags("Held runs").RequireAuthorization(AuthPolicies.Admin);
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
        var actor = user.Identity?.Name ?? "an admin";
        var decision = await store.DecideAsync(programId, runId, release, actor, cancellationToken);
        switch (decision)
        {
            case { Outcome: HeldRunDecisionOutcome.UnknownRun }:
                return TypedResults.Problem($"Program '{programId}' has no sync run {runId}.", statusCode: StatusCodes.Status404NotFound, title: "Unknown run");
            case { Outcome: HeldRunDecisionOutcome.NotHeld, Run: var run }:
                return TypedResults.Problem($"Sync run {runId} is {run?.Status}; only a held run can be released or skipped.",
                    statusCode: StatusCodes.Status409Conflict, title: "The run is not held");
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

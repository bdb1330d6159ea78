namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>Manual runs, backfills and run history for admins (docs/architecture.md).</summary>
public static class SyncRunsApi
{
    private const int MaxBackfillDays = 366;
    private const int HistoryLimit = 100;
    private const int RejectedShown = 100;

    /// <summary><c>"businessDate": "latest"</c>: the program's latest closed date (the dashboard's "Run sync now").</summary>
    public const string Latest = "latest";

    public static RouteGroupBuilder MapSyncRunsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Sync runs").RequireProgramAccess();
        api.MapPost("/programs/{programId}/sync-runs", StartRunAsync);
        api.MapGet("/programs/{programId}/sync-runs", ListRunsAsync);
        api.MapGet("/sync-runs/{runId:guid}", GetRunAsync);
        return api;
    }

    public static async Task<Results<Accepted<SyncRunAccepted>, ValidationProblem, ProblemHttpResult>> StartRunAsync(
        string programId, StartSyncRunRequest request, ISnapshotSource snapshots, ISettingsSource settings, RunStore store,
        DispatchWorker worker, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryReadDates(request, out var from, out var to, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var program = await snapshots.GetProgramAsync(programId, cancellationToken);
        if (program is null)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(program.TimeZone, out var zone))
        {
            return ApiProblems.UnknownTimeZone(programId, program.TimeZone);
        }

        if (request.BusinessDate == Latest)
        {
            from = to = BusinessDay.LatestClosed(zone, time.GetUtcNow());
        }

        if (!new BusinessDay(to, zone).IsClosed(time.GetUtcNow()))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [request.BusinessDate is null ? "to" : "businessDate"] =
                    [$"{to:yyyy-MM-dd} is not closed yet in {program.TimeZone}; only closed business dates can be synced."],
            });
        }

        var credentials = await settings.GetCredentialsAsync(programId, cancellationToken);
        if (credentials is null || (!credentials.Enabled && !request.DryRun))
        {
            return Problem(StatusCodes.Status409Conflict, "MoEngage integration not enabled",
                $"Program '{programId}' has {(credentials is null ? "no MoEngage settings" : "its MoEngage integration disabled")}; enable it in the program's settings (a dry run needs settings only).");
        }

        var trigger = request.BusinessDate is null ? RunTrigger.Backfill : RunTrigger.Manual;
        var traceParent = Activity.Current?.Id;
        var run = await store.CreateRunAsync(programId, from, to, trigger, request.DryRun, traceParent, onlyIfIdle: true, cancellationToken);
        if (run is null)
        {
            return Problem(StatusCodes.Status409Conflict, "A sync run is in progress",
                $"Program '{programId}' has a run pending, running or held; wait for it to finish, or release or skip the held one (GET /v1/programs/{programId}/sync-runs).");
        }

        worker.Wake(programId, Activity.Current?.Context ?? default);
        return TypedResults.Accepted($"/v1/sync-runs/{run.RunId}", new SyncRunAccepted(run.RunId));
    }

    public static async Task<Ok<IReadOnlyList<SyncRunResponse>>> ListRunsAsync(string programId, RunStore store, CancellationToken cancellationToken)
    {
        var runs = await store.ListRunsAsync(programId, HistoryLimit, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SyncRunResponse>>(runs.Select(run => SyncRunResponse.Of(run)).ToList());
    }

    public static async Task<Results<Ok<SyncRunResponse>, ProblemHttpResult>> GetRunAsync(
        Guid runId, ProgramAccess access, RunStore store, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken);
        // Run ids are global: another program's run is answered as if there were none (docs/access.md).
        if (run is null || !access.Holds(run.ProgramId))
        {
            return Problem(StatusCodes.Status404NotFound, "Unknown run", $"There is no sync run {runId}.");
        }

        return TypedResults.Ok(SyncRunResponse.Of(run, await store.RejectedAsync(runId, RejectedShown, cancellationToken)));
    }

    private static bool TryReadDates(StartSyncRunRequest request, out DateOnly from, out DateOnly to, out Dictionary<string, string[]> errors)
    {
        errors = [];
        from = to = default;
        var single = request.BusinessDate is not null;
        if (single == (request.From is not null || request.To is not null))
        {
            errors["businessDate"] = ["Give either businessDate, or from and to (YYYY-MM-DD)."];
            return false;
        }

        if (single && request.BusinessDate == Latest)
        {
            return true;
        }

        if (single)
        {
            if (!TryParse(request.BusinessDate, out from))
            {
                errors["businessDate"] = [$"businessDate must be a date in the form YYYY-MM-DD, from {BusinessDay.MinDate:yyyy-MM-dd} to {BusinessDay.MaxDate:yyyy-MM-dd}."];
                return false;
            }

            to = from;
            return true;
        }

        if (!TryParse(request.From, out from))
        {
            errors["from"] = [$"from must be a date in the form YYYY-MM-DD, from {BusinessDay.MinDate:yyyy-MM-dd} to {BusinessDay.MaxDate:yyyy-MM-dd}."];
        }

        if (!TryParse(request.To, out to))
        {
            errors["to"] = [$"to must be a date in the form YYYY-MM-DD, from {BusinessDay.MinDate:yyyy-MM-dd} to {BusinessDay.MaxDate:yyyy-MM-dd}."];
        }

        if (errors.Count == 0 && from > to)
        {
            errors["to"] = ["to must not be before from."];
        }

        if (errors.Count == 0 && to.DayNumber - from.DayNumber >= MaxBackfillDays)
        {
            errors["to"] = [$"A backfill covers at most {MaxBackfillDays} days."];
        }

        return errors.Count == 0;
    }

    private static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && BusinessDay.IsInRange(date);

    // 404 and 409 answers are RFC 7807 problems (application/problem+json), like the framework's 400s.
    private static ProblemHttpResult Problem(int status, string title, string detail) => ApiProblems.Problem(status, title, detail);
}

namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>What the intraday lane did, one line a day (not one a pass), for the admin page's run history.</summary>
public static class IntradayDaysApi
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public static RouteGroupBuilder MapIntradayDaysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Intraday lane").RequireProgramAccess();
        api.MapGet("/programs/{programId}/intraday-days", ListAsync)
            .WithSummary("Per day: the intraday lane's passes, events sent, members refreshed, events held back, and its delay (median, 95th percentile, worst)");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<IntradayDay>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string programId, string? days, ISnapshotSource snapshots, LaneStore store, CancellationToken cancellationToken)
    {
        var count = DefaultDays;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxDays))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"days must be a whole number from 1 to {MaxDays}."] });
        }

        if (await snapshots.GetProgramAsync(programId, cancellationToken) is null)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        return TypedResults.Ok(await store.DaysAsync(programId, count, cancellationToken));
    }
}

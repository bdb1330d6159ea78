using Loyalife.ServiceDefaults.Problems;

namespace Loyalife.SnapshotService.Intraday;

/// <summary>
/// The open day as an intraday pass reads it (docs/ledger.md, "The intraday lane"), via Dapr only: where a pass
/// stands (horizon and cut-off), then its members (attributes as of the cut-off) and events, paged like the
/// nightly snapshot and stable for the pass however long it takes.
/// </summary>
public static class IntradayApi
{
    public static RouteGroupBuilder MapIntradayApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/programs/{programId}/intraday").WithTags("Intraday").RequireAuthorization(AuthPolicies.ThroughDapr)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/horizon", GetHorizon).WithSummary("Where a pass stands now: the open business day, the cut-off instant and the horizon");
        group.MapGet("/{date}/members", GetMembers)
            .WithSummary("A page of the pass's members (those with a row in it), attributes as of its cut-off (to, cutOff, from, since, after, limit)");
        group.MapGet("/{date}/events", GetEvents)
            .WithSummary("A page of the pass's events, ordered by occurredAt and eventId (to, cutOff, from, since, after, limit)");
        group.MapGet("/{date}/summary", GetSummary).WithSummary("The pass's events by name");
        return group;
    }

    private static async Task<Results<Ok<PassHorizon>, ProblemHttpResult>> GetHorizon(
        string programId, ProgramStore programs, HorizonQuery query, CancellationToken ct)
    {
        if (await programs.FindAsync(programId, ct) is not { } program)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(program.TimeZone, out var zone))
        {
            return ApiProblems.UnknownTimeZone(programId, program.TimeZone);
        }

        var (date, cutOff, horizon) = await query.ReadAsync(zone, ct);
        return TypedResults.Ok(new PassHorizon(programId, Format.Date(date), cutOff, horizon.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<Results<SnapshotPage, ProblemHttpResult>> GetMembers(
        string programId, string date, string? from, string? since, string? to, string? cutOff, string? after, string? limit,
        ProgramStore programs, HorizonQuery horizons, MemberSnapshotQuery query, CancellationToken ct)
    {
        if (SnapshotsApi.ParseLimit(limit) is not { } pageSize)
        {
            return SnapshotsApi.BadLimit();
        }

        var afterMember = "";
        if (after is not null && !Cursors.TryParseMember(after, out afterMember))
        {
            return SnapshotsApi.BadCursor();
        }

        var (scope, pass, problem) = await ResolveAsync(programId, date, from, since, to, cutOff, programs, horizons, ct);
        return scope is null
            ? problem!
            : new SnapshotPage(scope, (json, flush, begin, token) => query.WriteItemsAsync(scope, afterMember!, pageSize, json, flush, begin, token, pass));
    }

    private static async Task<Results<SnapshotPage, ProblemHttpResult>> GetEvents(
        string programId, string date, string? from, string? since, string? to, string? cutOff, string? after, string? limit,
        ProgramStore programs, HorizonQuery horizons, EventSnapshotQuery query, CancellationToken ct)
    {
        if (SnapshotsApi.ParseLimit(limit) is not { } pageSize)
        {
            return SnapshotsApi.BadLimit();
        }

        (long, string)? afterEvent = null;
        if (after is not null)
        {
            if (!Cursors.TryParseEvent(after, out var micros, out var eventId))
            {
                return SnapshotsApi.BadCursor();
            }

            afterEvent = (micros, eventId);
        }

        var (scope, pass, problem) = await ResolveAsync(programId, date, from, since, to, cutOff, programs, horizons, ct);
        return scope is null
            ? problem!
            : new SnapshotPage(scope, (json, flush, begin, token) => query.WriteItemsAsync(scope, afterEvent, pageSize, json, flush, begin, token, pass));
    }

    private static async Task<Results<Ok<PassSummary>, ProblemHttpResult>> GetSummary(
        string programId, string date, string? from, string? since, string? to, string? cutOff, ProgramStore programs, HorizonQuery horizons,
        EventSnapshotQuery query, CancellationToken ct)
    {
        var (scope, pass, problem) = await ResolveAsync(programId, date, from, since, to, cutOff, programs, horizons, ct);
        return scope is null
            ? problem!
            : TypedResults.Ok(new PassSummary(programId, scope.BusinessDate, pass!.CutOff, await query.CountPassByNameAsync(scope, pass, ct)));
    }

    /// <summary>The day (400, 404 as the nightly snapshot), then the pass: its window well-formed and its cut-off within the day (400), and its reach.</summary>
    private static async Task<(SnapshotScope?, PassWindow?, ProblemHttpResult?)> ResolveAsync(
        string programId, string date, string? from, string? since, string? to, string? cutOff, ProgramStore programs, HorizonQuery horizons,
        CancellationToken ct)
    {
        var (pass, error) = PassWindow.Parse(from, since, to, cutOff);
        if (pass is null)
        {
            return (null, null, ApiProblems.BadRequest("Malformed pass", error!));
        }

        var (day, problem) = await SnapshotsApi.ResolveDayAsync(programId, date, programs, ct);
        if (day is null)
        {
            return (null, null, problem);
        }

        if (pass.CutOff < day.Day.Start || pass.CutOff >= day.Day.End || (pass.Since is { } since2 && since2 < day.Day.Start))
        {
            return (null, null, ApiProblems.BadRequest("Cut-off outside the day",
                $"A pass of {day.BusinessDate} has its cut-offs from {Format.Instant(day.Day.Start.UtcDateTime)} to before {Format.Instant(day.Day.End.UtcDateTime)}."));
        }

        return (day with { CutOff = pass.CutOff }, pass with { Reach = await horizons.ReachAsync(pass, day.Day, ct) }, null);
    }
}

using Loyalife.ServiceDefaults.Problems;

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>What the dispatcher pages through (docs/ledger.md), via Dapr service invocation only.</summary>
public static class SnapshotsApi
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10000;

    public static RouteGroupBuilder MapSnapshotsApi(this IEndpointRouteBuilder routes)
    {
        // Every snapshot answers for a known program (404) and a well-formed (400), closed (409) date.
        var group = routes.MapGroup("/v1/programs/{programId}/snapshots/{date}").WithTags("Snapshots").RequireAuthorization(AuthPolicies.ThroughDapr)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/members", GetMembers).WithSummary("A page of the day's member attributes, ordered by memberId (after: cursor, limit: 1–10,000)");
        group.MapGet("/events", GetEvents).WithSummary("A page of the day's events, ordered by occurredAt and eventId (after: cursor, limit: 1–10,000)");
        group.MapGet("/summary", GetSummary).WithSummary("The day's counts: members sent and skipped by reason, events by name");
        group.MapGet("/anomalies", GetAnomalies).WithSummary("The ledger's anomalies as of the day's end, by kind");
        return group;
    }

    private static async Task<Results<SnapshotPage, ProblemHttpResult>> GetMembers(
        string programId, string date, string? after, string? limit, ProgramStore programs, TimeProvider time, MemberSnapshotQuery query, CancellationToken ct)
    {
        if (ParseLimit(limit) is not { } pageSize)
        {
            return BadLimit();
        }

        var afterMember = "";
        if (after is not null && !Cursors.TryParseMember(after, out afterMember))
        {
            return BadCursor();
        }

        var (scope, problem) = await ResolveAsync(programId, date, programs, time, ct);
        return scope is null
            ? problem!
            : new SnapshotPage(scope, (json, flush, begin, token) => query.WriteItemsAsync(scope, afterMember!, pageSize, json, flush, begin, token));
    }

    private static async Task<Results<SnapshotPage, ProblemHttpResult>> GetEvents(
        string programId, string date, string? after, string? limit, ProgramStore programs, TimeProvider time, EventSnapshotQuery query, CancellationToken ct)
    {
        if (ParseLimit(limit) is not { } pageSize)
        {
            return BadLimit();
        }

        (long, string)? afterEvent = null;
        if (after is not null)
        {
            if (!Cursors.TryParseEvent(after, out var micros, out var eventId))
            {
                return BadCursor();
            }

            afterEvent = (micros, eventId);
        }

        var (scope, problem) = await ResolveAsync(programId, date, programs, time, ct);
        return scope is null
            ? problem!
            : new SnapshotPage(scope, (json, flush, begin, token) => query.WriteItemsAsync(scope, afterEvent, pageSize, json, flush, begin, token));
    }

    private static async Task<Results<Ok<SnapshotSummary>, ProblemHttpResult>> GetSummary(
        string programId, string date, ProgramStore programs, TimeProvider time, SnapshotSummaryQuery query, CancellationToken ct)
    {
        var (scope, problem) = await ResolveAsync(programId, date, programs, time, ct);
        return scope is null ? problem! : TypedResults.Ok(await query.ReadAsync(scope, ct));
    }

    private static async Task<Results<Ok<LedgerAnomalyCounts>, ProblemHttpResult>> GetAnomalies(
        string programId, string date, ProgramStore programs, TimeProvider time, LedgerAnomalyQuery query, CancellationToken ct)
    {
        var (scope, problem) = await ResolveAsync(programId, date, programs, time, ct);
        return scope is null ? problem! : TypedResults.Ok(await query.ReadAsync(scope, ct));
    }

    /// <summary>Malformed date → 400, unknown program → 404, not yet closed → 409, in that order.</summary>
    internal static async Task<(SnapshotScope?, ProblemHttpResult?)> ResolveAsync(
        string programId, string date, ProgramStore programs, TimeProvider time, CancellationToken ct)
    {
        var (day, problem) = await ResolveDayAsync(programId, date, programs, ct);
        return day is null || day.Day.IsClosed(time.GetUtcNow())
            ? (day, problem)
            : (null, Problems.NotClosed(programId, day.Day.Date, day.Day.End));
    }

    /// <summary>Malformed date → 400, unknown program → 404; open or closed.</summary>
    internal static async Task<(SnapshotScope?, ProblemHttpResult?)> ResolveDayAsync(
        string programId, string date, ProgramStore programs, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var businessDate))
        {
            return (null, ApiProblems.BadRequest("Malformed business date", $"'{date}' is not a date of the form YYYY-MM-DD."));
        }

        if (!BusinessDay.IsInRange(businessDate))
        {
            return (null, ApiProblems.BadRequest("Business date out of range",
                $"A business date lies from {BusinessDay.MinDate:yyyy-MM-dd} to {BusinessDay.MaxDate:yyyy-MM-dd}."));
        }

        if (await programs.FindAsync(programId, ct) is not { } program)
        {
            return (null, ApiProblems.UnknownProgram(programId));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(program.TimeZone, out var zone))
        {
            return (null, ApiProblems.UnknownTimeZone(programId, program.TimeZone));
        }

        return (new SnapshotScope(program, new BusinessDay(businessDate, zone)), null);
    }

    internal static int? ParseLimit(string? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }

        return int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxLimit ? value : null;
    }

    internal static ProblemHttpResult BadLimit() =>
        ApiProblems.BadRequest("Malformed limit", $"limit must be a whole number from 1 to {MaxLimit} (default {DefaultLimit}).");

    internal static ProblemHttpResult BadCursor() =>
        ApiProblems.BadRequest("Malformed cursor", "The 'after' cursor is not one this endpoint handed out; pass the 'next' value of the previous page unchanged.");
}

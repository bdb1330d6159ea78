using Loyalife.Domain.Members;
using Loyalife.ServiceDefaults.Problems;

namespace Loyalife.SnapshotService.Members;

/// <summary>
/// One member, for the dispatcher's member lookup (docs/ledger.md): its day as the pages list it, and the members
/// behind a customer id. Via Dapr service invocation only, like the snapshots.
/// </summary>
public static class MemberLookupApi
{
    public static RouteGroupBuilder MapMemberLookupApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/programs/{programId}").WithTags("Members").RequireAuthorization(AuthPolicies.ThroughDapr)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/snapshots/{date}/members/{memberId}", GetMemberDay)
            .WithSummary("One member of a closed day: its page item (absent when not sent, with the reason) and its events")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/members", FindByCustomerId)
            .WithSummary("The member ids whose trimmed relation reference is the customer id (customerId, given once)");
        return group;
    }

    /// <summary>Malformed date or member id → 400, unknown program → 404, not closed → 409, unknown member (or enrolled later) → 404.</summary>
    private static async Task<Results<MemberDayDocument, ProblemHttpResult>> GetMemberDay(
        string programId, string date, string memberId, ProgramStore programs, TimeProvider time, MemberLookupQuery lookup,
        MemberSnapshotQuery members, EventSnapshotQuery events, CancellationToken ct)
    {
        if (!LookupText.IsAcceptable(memberId))
        {
            return BadText("member id");
        }

        var (scope, problem) = await SnapshotsApi.ResolveAsync(programId, date, programs, time, ct);
        if (scope is null)
        {
            return problem!;
        }

        return await lookup.FindAsync(scope, memberId, ct) is { } row
            ? new MemberDayDocument(scope, row, members, events)
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown member",
                $"Program '{programId}' has no member '{memberId}' enrolled before the end of {scope.BusinessDate}.");
    }

    private static async Task<Results<Ok<MembersByCustomerId>, ProblemHttpResult>> FindByCustomerId(
        string programId, string[]? customerId, ProgramStore programs, MemberLookupQuery lookup, CancellationToken ct)
    {
        var trimmed = customerId is { Length: 1 } ? customerId[0]!.Trim(CustomerIds.WhiteSpace.ToCharArray()) : null;
        if (!LookupText.IsAcceptable(trimmed))
        {
            return BadText("customerId");
        }

        if (await programs.FindAsync(programId, ct) is null)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        return TypedResults.Ok(new MembersByCustomerId(programId, trimmed!, await lookup.FindByCustomerIdAsync(programId, trimmed!, ct)));
    }

    private static ProblemHttpResult BadText(string what) =>
        ApiProblems.BadRequest($"Malformed {what}",
            $"A {what} is given once, 1 to {LookupText.MaxLength} characters of text, without control characters.");
}

using Loyalife.Domain.Members;
using Loyalife.Domain.MoEngage;

namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>
/// For admins: one member as Loyalife last sent it and as MoEngage holds it now, by member id or by customer id
/// (docs/architecture.md, "A member's page").
/// </summary>
public static class MemberLookupApi
{
    public static RouteGroupBuilder MapMemberLookupApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/programs/{programId}/members").WithTags("Member lookup").RequireProgramAccess()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/{memberId}/moengage", LookUpAsync)
            .WithSummary("A member as last sent and as MoEngage holds it now (one live Get User call within the workspace's quota).");
        api.MapGet("/", FindAsync)
            .WithSummary("The members whose relation reference is the customer id, each looked up as by member id.");
        return api;
    }

    public static async Task<Results<Ok<MemberLookup>, ProblemHttpResult>> LookUpAsync(
        string programId, string memberId, HttpResponse response, ISnapshotSource snapshots, MemberLookups lookups, CancellationToken cancellationToken)
    {
        if (!LookupText.IsAcceptable(memberId))
        {
            return BadText("member id");
        }

        if (await snapshots.GetProgramAsync(programId, cancellationToken) is not { } program)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        try
        {
            return await lookups.LookUpAsync(program, memberId, cancellationToken) is { } lookup
                ? TypedResults.Ok(lookup)
                : ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown member", $"Program '{programId}' has no member '{memberId}'.");
        }
        catch (GetUserQuotaExhaustedException exhausted)
        {
            return QuotaExhausted(response, exhausted);
        }
    }

    public static async Task<Results<Ok<MembersByCustomerId>, ProblemHttpResult>> FindAsync(
        string programId, string[]? customerId, HttpResponse response, ISnapshotSource snapshots, MemberLookups lookups, CancellationToken cancellationToken)
    {
        var trimmed = customerId is { Length: 1 } ? customerId[0].Trim(CustomerIds.WhiteSpace.ToCharArray()) : null;
        if (!LookupText.IsAcceptable(trimmed))
        {
            return BadText("customerId");
        }

        if (await snapshots.GetProgramAsync(programId, cancellationToken) is not { } program)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        try
        {
            return TypedResults.Ok(await lookups.FindAsync(program, trimmed!, cancellationToken));
        }
        catch (GetUserQuotaExhaustedException exhausted)
        {
            return QuotaExhausted(response, exhausted);
        }
    }

    private static ProblemHttpResult BadText(string what) =>
        ApiProblems.BadRequest($"Malformed {what}", $"A {what} is given once, 1 to {LookupText.MaxLength} characters of text, without control characters.");

    // The quota is the nightly run's too: an admin waits for it explicitly, never by a request that hangs for minutes.
    private static ProblemHttpResult QuotaExhausted(HttpResponse response, GetUserQuotaExhaustedException exhausted)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(exhausted.RetryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "Get User quota exhausted",
            $"The workspace's Get User quota (shared with the nightly run) is spent for now; try again in {seconds} s.");
    }
}

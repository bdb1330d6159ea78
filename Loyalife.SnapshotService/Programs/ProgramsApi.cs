using Loyalife.ServiceDefaults.Problems;

namespace Loyalife.SnapshotService.Programs;

/// <summary>The programs the ledger knows, so the dispatcher and settings UI can name zones and tiers.</summary>
public static class ProgramsApi
{
    public static RouteGroupBuilder MapProgramsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/programs").WithTags("Programs").RequireAuthorization(AuthPolicies.ThroughDapr);
        group.MapGet("/", ListPrograms).WithSummary("Every program of the ledger with its time zone and tiers");
        group.MapGet("/{programId}", GetProgram).WithSummary("One program with its time zone and tiers").ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<LoyaltyProgram>>> ListPrograms(ProgramStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(ct));

    private static async Task<Results<Ok<LoyaltyProgram>, ProblemHttpResult>> GetProgram(string programId, ProgramStore store, CancellationToken ct) =>
        await store.FindAsync(programId, ct) is { } program
            ? TypedResults.Ok(program)
            : ApiProblems.UnknownProgram(programId);
}

namespace Loyalife.SnapshotService;

/// <summary>The RFC 7807 answers only snapshot-service gives; the ones every service gives are <c>ApiProblems</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult NotClosed(string programId, DateOnly date, DateTimeOffset end) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Business date not closed",
            detail: $"Business date {date:yyyy-MM-dd} of program '{programId}' closes at {end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; only closed dates have a snapshot.");
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace Loyalife.SnapshotService;

/// <summary>The RFC 7807 answers of the API, worded once.</summary>
public static class Problems
{
    public static ProblemHttpResult UnknownProgram(string programId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown program",
            detail: $"No loyalty program '{programId}' exists in loyalty.programs.");

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult NotClosed(string programId, DateOnly date, DateTimeOffset end) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Business date not closed",
            detail: $"Business date {date:yyyy-MM-dd} of program '{programId}' closes at {end.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; only closed dates have a snapshot.");

    public static ProblemHttpResult BadTimeZone(string programId, string zone) =>
        TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Program time zone unknown",
            detail: $"Program '{programId}' names time zone '{zone}', which is not an IANA zone this machine knows.");
}

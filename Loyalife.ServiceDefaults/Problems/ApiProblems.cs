using Microsoft.AspNetCore.Http.HttpResults;

namespace Loyalife.ServiceDefaults.Problems;

/// <summary>
/// The RFC 7807 answers every service gives alike, worded once, so a caller (and the admin page) sees the
/// same title and detail for the same situation whichever service it asked.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    public static ProblemHttpResult BadRequest(string title, string detail) =>
        Problem(StatusCodes.Status400BadRequest, title, detail);

    public static ProblemHttpResult UnknownProgram(string programId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown program", $"There is no loyalty program '{programId}'.");

    /// <summary>
    /// The program's stored zone is not one this machine knows: neither the caller's mistake nor something a
    /// retry mends, so a 500 that says which zone to correct in Loyalife.
    /// </summary>
    public static ProblemHttpResult UnknownTimeZone(string programId, string zone) =>
        Problem(StatusCodes.Status500InternalServerError, "Program time zone unknown",
            $"Program '{programId}' names time zone '{zone}', which is not an IANA zone this machine knows.");
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Loyalife.ServiceDefaults.Problems;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>Why <see cref="ProgramAccessRequirement"/> refused a call, and the problem that answers it.</summary>
internal sealed class ProgramAccessDenial(IAuthorizationHandler handler, string message, ProblemHttpResult problem)
    : AuthorizationFailureReason(handler, message)
{
    public ProblemHttpResult Problem { get; } = problem;

    /// <summary>Word for word the answer for a program that does not exist.</summary>
    public static ProgramAccessDenial Unknown(IAuthorizationHandler handler, string programId) =>
        new(handler, "The program is not among the caller's programs.", ApiProblems.UnknownProgram(programId));

    public static ProgramAccessDenial NoRole(IAuthorizationHandler handler) =>
        new(handler, "The caller has no Loyalife role.", ApiProblems.Problem(StatusCodes.Status403Forbidden, "No Loyalife role",
            "Your sign-in carries no Loyalife role (viewer or editor); ask your identity provider's administrator to assign one."));

    public static ProgramAccessDenial ReadOnly(IAuthorizationHandler handler, string? programId) =>
        new(handler, "A viewer asked for a change.", ApiProblems.Problem(StatusCodes.Status403Forbidden, "Read-only access",
            $"Your role lets you see {(programId is null ? "these programs" : $"program '{programId}'")} but not change {(programId is null ? "them" : "it")}; changes need the editor role."));
}

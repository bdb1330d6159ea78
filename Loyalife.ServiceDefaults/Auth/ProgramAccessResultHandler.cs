using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>
/// Answers a program-access refusal with its problem (a 404 as for an unknown program, or a 403 saying why)
/// instead of an empty 403; every other outcome is the framework's.
/// </summary>
internal sealed class ProgramAccessResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler framework = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<ProgramAccessDenial>().FirstOrDefault() is { } denial)
        {
            return denial.Problem.ExecuteAsync(context);
        }

        return framework.HandleAsync(next, context, policy, authorizeResult);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>The one line an admin route group carries: signed in as an admin, and allowed on the route's program.</summary>
public static class ProgramAccessExtensions
{
    /// <summary>
    /// <see cref="AuthPolicies.ProgramAccess"/> on every endpoint of the group: a program outside the caller's is a
    /// 404 as if it did not exist, a viewer's change (any method but GET and HEAD) a 403 (docs/access.md).
    /// </summary>
    public static RouteGroupBuilder RequireProgramAccess(this RouteGroupBuilder group) =>
        group.RequireAuthorization(AuthPolicies.ProgramAccess)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>
/// The caller may act on the route's <c>{programId}</c>: GET and HEAD are reads (any role, within its programs),
/// every other method a change (editors only). A route without a program (a list, a run by id) asks for a role;
/// its handler filters or checks by <see cref="ProgramAccess"/>.
/// </summary>
internal sealed class ProgramAccessRequirement : AuthorizationHandler<ProgramAccessRequirement>, IAuthorizationRequirement
{
    public const string RouteValue = "programId";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ProgramAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var access = ProgramAccess.For(http);
        var change = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
        var programId = http.GetRouteValue(RouteValue) as string;
        var denial = (programId, access.Role) switch
        {
            // Checked before the role, so an outsider learns nothing of a program, not even that it needs a role.
            ({ } id, _) when !access.Holds(id) => ProgramAccessDenial.Unknown(this, id),
            (_, AccessRole.None) => ProgramAccessDenial.NoRole(this),
            (_, AccessRole.Viewer) when change => ProgramAccessDenial.ReadOnly(this, programId),
            _ => null,
        };

        if (denial is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(denial);
        }

        return Task.CompletedTask;
    }
}

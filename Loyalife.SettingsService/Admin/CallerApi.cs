namespace Loyalife.SettingsService.Admin;

/// <summary>
/// <c>GET /v1/me</c>: who the admin page is talking to, so it can show their name and leave out what their role
/// may not do. Courtesy only: every endpoint checks the caller itself.
/// </summary>
public static class CallerApi
{
    public static RouteHandlerBuilder MapCallerApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/v1/me", (HttpContext http, IConfiguration configuration) =>
                TypedResults.Ok(Caller.Of(http.User, string.IsNullOrEmpty(http.Request.Headers.Authorization), configuration)))
            .WithTags("Admin").RequireAuthorization(AuthPolicies.Admin)
            .WithSummary("The signed-in caller: name, role (loyalife.viewer or loyalife.editor) and programs ('*' = every program)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}

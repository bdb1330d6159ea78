namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The admin page (static HTML, ES modules and CSS from wwwroot/admin) and the dispatcher endpoints it needs.
/// The page itself holds no data, so it is served to anyone; everything it shows comes from admin endpoints,
/// called with the signed-in session (<see cref="SignInEndpoints"/>) or, as break-glass, the admin token.
/// </summary>
public static class AdminPage
{
    public static IEndpointRouteBuilder MapAdminPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin", ServePage).ExcludeFromDescription();
        routes.MapAdminSignIn();
        routes.MapCallerApi();
        routes.MapDispatcherProxy();
        return routes;
    }

    private static IResult ServePage(IWebHostEnvironment environment) =>
        Results.File(environment.WebRootFileProvider.GetFileInfo("admin/index.html").CreateReadStream(), "text/html; charset=utf-8");
}

using Loyalife.ServiceDefaults.Auth;
using Loyalife.ServiceDefaults.Problems;
using Loyalife.SettingsService.Programs;
using Loyalife.SettingsService.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The admin page (static HTML and a little script from wwwroot/admin) and the one thing it needs that the
/// settings API has not: the program's recent sync runs. The page itself holds no data, so it is served to
/// anyone; everything it shows comes from admin endpoints called with the token the admin enters.
/// </summary>
public static class AdminPage
{
    public static IEndpointRouteBuilder MapAdminPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/admin", ServePage).ExcludeFromDescription();
        routes.MapGet("/v1/programs/{programId}/integrations/moengage/sync-runs", SyncRunsAsync)
            .WithTags("Admin")
            .RequireAuthorization(AuthPolicies.Admin);
        return routes;
    }

    private static IResult ServePage(IWebHostEnvironment environment, HttpResponse response)
    {
        // The page holds the admin token in sessionStorage: no foreign script, frame or referrer may reach it.
        response.Headers.ContentSecurityPolicy = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        return Results.File(environment.WebRootFileProvider.GetFileInfo("admin/index.html").CreateReadStream(), "text/html; charset=utf-8");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> SyncRunsAsync(
        string programId, HttpContext http, ProgramDirectory programs, SyncRunsClient dispatcher, CancellationToken ct)
    {
        // An id the ledger does not know is the caller's mistake (404), not the dispatcher's: answer it here,
        // without forwarding a hostile id and the admin's credentials, and without a 502 when the dispatcher is away.
        if (!await programs.ExistsAsync(programId, ct))
        {
            return ApiProblems.UnknownProgram(programId);
        }

        return await dispatcher.TryGetAsync(programId, http.Request.Headers.Authorization.ToString(), ct) is { } json
            ? TypedResults.Text(json, "application/json")
            : TypedResults.Problem(
                title: "Sync runs unavailable",
                detail: "moengage-dispatcher could not be reached through Dapr or did not answer.",
                statusCode: StatusCodes.Status502BadGateway);
    }
}

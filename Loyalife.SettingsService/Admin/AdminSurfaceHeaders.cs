namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The headers every answer of settings-service carries. The admin page holds the admin token in
/// sessionStorage: no foreign or inline script, no frame, no referrer may reach it, and no cache (a shared
/// proxy's or the browser's) keeps an API answer after the tab is gone.
/// </summary>
public static class AdminSurfaceHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IApplicationBuilder UseAdminSurfaceHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            // The page's own files may be kept but must be revalidated, so a new version is seen at once.
            headers.CacheControl = IsPageAsset(context.Request.Path) ? "no-cache" : "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });

    private static bool IsPageAsset(PathString path) =>
        path.StartsWithSegments("/admin") && Path.HasExtension(path.Value) && !path.Value!.EndsWith(".html", StringComparison.Ordinal);
}

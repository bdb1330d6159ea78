namespace Loyalife.DaprSidecar.Api;

/// <summary>
/// daprd's <c>DAPR_API_TOKEN</c> check on the HTTP API: every call except the health probes must carry
/// <c>dapr-api-token</c>; a mismatch is a plain-text 401 "invalid api token". The header is removed
/// afterwards so it never travels on to another app. gRPC calls are checked by <see cref="ApiTokenInterceptor"/>.
/// </summary>
internal sealed class ApiTokenMiddleware(RequestDelegate next, SidecarContext sidecar)
{
    public const string Header = "dapr-api-token";

    public async Task InvokeAsync(HttpContext context)
    {
        var token = sidecar.Environment.ApiToken;
        if (token is null || IsExcluded(context.Request) || IsGrpcApi(context.Request))
        {
            await next(context);
            return;
        }
        if (context.Request.Headers[Header] != token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("invalid api token\n");
            return;
        }
        context.Request.Headers.Remove(Header);
        await next(context);
    }

    private static bool IsExcluded(HttpRequest request) =>
        request.Path.StartsWithSegments("/v1.0/healthz")
        || request.Path.StartsWithSegments(Invocation.SidecarHop.PathPrefix)
        || request.Path.StartsWithSegments("/metrics");

    // Only the gRPC service's own paths, where the interceptor checks the token; a gRPC content type
    // alone must not open the HTTP API.
    private static bool IsGrpcApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/dapr.proto.runtime.v1.Dapr");
}

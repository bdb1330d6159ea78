namespace Loyalife.DaprSidecar.Health;

/// <summary>
/// daprd's health endpoints (no API token needed). <c>/v1.0/healthz</c> answers 204 as soon as the
/// sidecar serves, without waiting for the app, so an app that waits for its sidecar cannot deadlock.
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1.0/healthz", () => Results.NoContent());
        routes.MapGet("/v1.0/healthz/outbound", () => Results.NoContent());
        return routes;
    }
}

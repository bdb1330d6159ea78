namespace Loyalife.DaprSidecar.Health;

/// <summary>A minimal <c>GET /v1.0/metadata</c> in daprd's shape: app id, components, app connection.</summary>
internal static class MetadataApi
{
    public static IEndpointRouteBuilder MapMetadataApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1.0/metadata", (SidecarContext sidecar) => Results.Json(new
        {
            id = sidecar.Options.AppId,
            runtimeVersion = "loyalife-local",
            enabledFeatures = Array.Empty<string>(),
            components = sidecar.Components.Select(c => new { name = c.Name, type = c.Type, version = "v1", capabilities = Array.Empty<string>() }),
            appConnectionProperties = new
            {
                port = sidecar.Options.AppPort,
                protocol = sidecar.Options.AppProtocol,
                channelAddress = sidecar.Options.AppChannelAddress,
            },
        }));
        routes.MapGet("/metrics", () => Results.Text("# metrics are not collected by the local sidecar\n"));
        return routes;
    }
}

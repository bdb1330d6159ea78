namespace Loyalife.DaprSidecar.Secrets;

/// <summary>daprd's HTTP secrets API: <c>GET /v1.0/secrets/{store}/{key}</c> and <c>/v1.0/secrets/{store}/bulk</c>.</summary>
internal static class SecretsApi
{
    public static IEndpointRouteBuilder MapSecretsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1.0/secrets/{store}");
        group.MapGet("/bulk", (string store, SecretStores stores) =>
            stores.GetBulk(store) switch
            {
                { Value: { } all } => Results.Json(all),
                var failed => failed.Error!.ToResult(),
            });
        group.MapGet("/{key}", (string store, string key, SecretStores stores) =>
            stores.Get(store, key) switch
            {
                { Value: { } secret } => Results.Json(secret),
                var failed => failed.Error!.ToResult(),
            });
        return routes;
    }
}

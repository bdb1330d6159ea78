namespace Loyalife.DaprSidecar;

/// <summary>A started sidecar; disposing it unregisters it and stops its listeners.</summary>
public sealed class RunningSidecar : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly SidecarRegistry registry;
    private readonly RegistryEntry entry;

    internal RunningSidecar(WebApplication app, SidecarRegistry registry, RegistryEntry entry)
    {
        this.app = app;
        this.registry = registry;
        this.entry = entry;
    }

    public string AppId => entry.AppId;

    /// <summary>Base address of the Dapr HTTP API (what <c>DAPR_HTTP_ENDPOINT</c> should hold).</summary>
    public Uri HttpEndpoint => entry.HttpEndpoint;

    /// <summary>Base address of the Dapr gRPC API (what <c>DAPR_GRPC_ENDPOINT</c> should hold).</summary>
    public Uri GrpcEndpoint => entry.GrpcEndpoint;

    internal Task WaitForShutdownAsync() => app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        registry.Unregister(entry);
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

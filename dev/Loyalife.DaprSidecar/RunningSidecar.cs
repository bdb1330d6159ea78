using Loyalife.DaprSidecar.Registry;

namespace Loyalife.DaprSidecar;

/// <summary>A started sidecar; disposing it unregisters it and stops its listeners.</summary>
public sealed class RunningSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SidecarRegistry _registry;
    private readonly RegistryEntry _entry;

    internal RunningSidecar(WebApplication app, SidecarRegistry registry, RegistryEntry entry)
    {
        _app = app;
        _registry = registry;
        _entry = entry;
    }

    public string AppId => _entry.AppId;

    /// <summary>Base address of the Dapr HTTP API (what <c>DAPR_HTTP_ENDPOINT</c> should hold).</summary>
    public Uri HttpEndpoint => _entry.HttpEndpoint;

    /// <summary>Base address of the Dapr gRPC API (what <c>DAPR_GRPC_ENDPOINT</c> should hold).</summary>
    public Uri GrpcEndpoint => _entry.GrpcEndpoint;

    internal Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        _registry.Unregister(_entry);
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

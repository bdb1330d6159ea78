using Loyalife.DaprSidecar.Cli;

namespace Loyalife.DaprSidecar;

/// <summary>Starts a sidecar in this process (what <c>Main</c> and the tests use).</summary>
public static class DaprSidecarHost
{
    /// <param name="args">daprd's flags, e.g. <c>--app-id a --app-port 5000 --dapr-http-port 0 --dapr-grpc-port 0</c>.</param>
    /// <param name="env">Tokens, registry and OTLP settings; null reads the process environment.</param>
    /// <exception cref="SidecarStartupException">A bad flag, component file or port.</exception>
    public static async Task<RunningSidecar> StartAsync(string[] args, SidecarEnvironment? env = null, CancellationToken ct = default)
    {
        env ??= SidecarEnvironment.FromProcess();
        var options = SidecarCommandLine.Parse(args);
        var components = ComponentLoader.Load(options.ResourcesPaths, options.AppId, env.ResolvedWorkingDirectory);
        var sidecar = new SidecarContext(options, env, components);
        var (app, listeners) = SidecarApplication.Build(sidecar);
        try
        {
            await app.StartAsync(ct);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new SidecarStartupException($"Sidecar '{options.AppId}' cannot listen: {e.Message}", e);
        }

        var entry = new RegistryEntry(
            options.AppId,
            new Uri($"http://127.0.0.1:{listeners.Http!.IPEndPoint!.Port}"),
            new Uri($"http://127.0.0.1:{listeners.Grpc!.IPEndPoint!.Port}"),
            Environment.ProcessId,
            app.Services.GetRequiredService<HopKey>().Value,
            DateTimeOffset.UtcNow);
        var registry = app.Services.GetRequiredService<SidecarRegistry>();
        try
        {
            registry.Register(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await app.DisposeAsync();
            throw new SidecarStartupException($"Sidecar '{options.AppId}' cannot register in '{registry.Directory}': {e.Message}", e);
        }
        app.Logger.LogInformation("Sidecar for {AppId} serves HTTP {Http} and gRPC {Grpc}; {Count} component(s); registry {Registry}",
            entry.AppId, entry.HttpEndpoint, entry.GrpcEndpoint, components.Count, registry.Directory);
        return new RunningSidecar(app, registry, entry);
    }
}

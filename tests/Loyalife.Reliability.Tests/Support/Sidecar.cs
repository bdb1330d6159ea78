using Loyalife.DaprSidecar;

namespace Loyalife.Reliability.Tests.Support;

/// <summary>A local Dapr sidecar for one app id that can be stopped and started again on the same ports.</summary>
public sealed class Sidecar(string appId, int appPort, SidecarEnvironment environment, string components) : IAsyncDisposable
{
    private RunningSidecar? running;
    private int httpPort;
    private int grpcPort;

    public Uri HttpEndpoint { get; private set; } = null!;

    public Uri GrpcEndpoint { get; private set; } = null!;

    public async Task StartAsync()
    {
        // The first start picks free ports; a restart reuses them because the app keeps its endpoint settings.
        if (httpPort == 0)
        {
            httpPort = FreePort.Next();
            grpcPort = FreePort.Next();
        }

        running = await DaprSidecarHost.StartAsync(
            ["--app-id", appId, "--app-port", appPort.ToString(CultureInfo.InvariantCulture),
             "--dapr-http-port", httpPort.ToString(CultureInfo.InvariantCulture), "--dapr-grpc-port", grpcPort.ToString(CultureInfo.InvariantCulture),
             "--resources-path", components],
            environment);
        HttpEndpoint = running.HttpEndpoint;
        GrpcEndpoint = running.GrpcEndpoint;
    }

    public async Task StopAsync()
    {
        if (running is not null)
        {
            await running.DisposeAsync();
            running = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

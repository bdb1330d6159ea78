using System.Security.Cryptography;

namespace Loyalife.AppHost.Dapr;

/// <summary>
/// A Dapr sidecar (<c>{app}-dapr</c>) beside one app: daprd or the local Dapr-compatible sidecar, with the
/// same flags either way. Its tokens are made per run and given to both sides.
/// </summary>
public sealed class DaprSidecarResource(string name, string command, string workingDirectory, string appId, DaprRuntime runtime)
    : ExecutableResource(name, command, workingDirectory)
{
    public const string HttpEndpointName = "http";
    public const string GrpcEndpointName = "grpc";
    public const string MetricsEndpointName = "metrics";

    public string AppId { get; } = appId;

    public DaprRuntime Runtime { get; } = runtime;

    /// <summary>What the app sends to its sidecar (<c>DAPR_API_TOKEN</c>).</summary>
    public string ApiToken { get; } = NewToken();

    /// <summary>What the sidecar sends to its app (<c>APP_API_TOKEN</c>).</summary>
    public string AppApiToken { get; } = NewToken();

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    public EndpointReference GrpcEndpoint => new(this, GrpcEndpointName);

    public EndpointReference MetricsEndpoint => new(this, MetricsEndpointName);

    private static string NewToken() => RandomNumberGenerator.GetHexString(40, lowercase: true);
}

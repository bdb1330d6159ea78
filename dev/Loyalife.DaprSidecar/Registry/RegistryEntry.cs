namespace Loyalife.DaprSidecar.Registry;

/// <summary>
/// What a running sidecar publishes as <c>{appId}.json</c> in the registry directory. <c>HopKey</c> is a
/// random secret other sidecars must present on the sidecar-to-sidecar hop (daprd uses mTLS there);
/// the file is readable only by its owner.
/// </summary>
internal sealed record RegistryEntry(string AppId, Uri HttpEndpoint, Uri GrpcEndpoint, int ProcessId, string HopKey, DateTimeOffset StartedAt);

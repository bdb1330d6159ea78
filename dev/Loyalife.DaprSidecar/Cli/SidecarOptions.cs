namespace Loyalife.DaprSidecar.Cli;

/// <summary>The daprd flags this sidecar understands, after parsing.</summary>
internal sealed record SidecarOptions
{
    public required string AppId { get; init; }
    public int? AppPort { get; init; }
    public string AppProtocol { get; init; } = "http";
    public string AppChannelAddress { get; init; } = "127.0.0.1";
    public int HttpPort { get; init; } = 3500;
    public int GrpcPort { get; init; } = 50001;
    public int? MetricsPort { get; init; }
    public IReadOnlyList<string> ResourcesPaths { get; init; } = [];
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    public Uri? AppBaseUri => AppPort is { } port
        ? new Uri($"{AppProtocol}://{AppChannelAddress}:{port}")
        : null;
}

using Loyalife.DaprSidecar.Cli;

namespace Loyalife.DaprSidecar;

/// <summary>Everything one sidecar instance was started with; a singleton in its own service provider.</summary>
internal sealed record SidecarContext(
    SidecarOptions Options,
    SidecarEnvironment Environment,
    IReadOnlyList<Component> Components);

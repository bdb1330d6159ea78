using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Loyalife.DaprSidecar;

/// <summary>The Kestrel listeners of one sidecar, kept to read the ports actually bound when 0 was asked.</summary>
internal sealed class SidecarListeners
{
    public ListenOptions? Http { get; set; }
    public ListenOptions? Grpc { get; set; }
}

namespace Loyalife.AppHost.Dapr;

/// <summary>Which program serves as a Dapr sidecar: configuration <c>Dapr:Runtime</c>.</summary>
public enum DaprRuntime
{
    /// <summary>daprd where it is installed (PATH or ~/.dapr/bin), the local sidecar otherwise.</summary>
    Auto,
    Daprd,

    /// <summary>The repository's Dapr-compatible sidecar (dev/Loyalife.DaprSidecar).</summary>
    Local,
}

namespace Loyalife.DaprSidecar.Invocation;

/// <summary>
/// The sidecar-to-sidecar leg of an invocation. daprd uses an internal gRPC API with mTLS; this local
/// stand-in uses plain HTTP on the callee sidecar's HTTP port under <see cref="PathPrefix"/>, guarded
/// by the random hop key the callee published in the registry.
/// </summary>
internal static class SidecarHop
{
    public const string PathPrefix = "/_loyalife/hop";
    public const string KeyHeader = "loyalife-hop-key";
    public const string CallerHeader = "loyalife-caller-app-id";
}

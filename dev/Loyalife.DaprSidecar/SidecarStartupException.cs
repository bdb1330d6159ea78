namespace Loyalife.DaprSidecar;

/// <summary>A configuration problem that stops the sidecar from starting (bad flag, bad component file).</summary>
public sealed class SidecarStartupException(string message, Exception? inner = null) : Exception(message, inner);

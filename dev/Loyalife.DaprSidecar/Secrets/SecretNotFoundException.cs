namespace Loyalife.DaprSidecar.Secrets;

/// <summary>The store has no secret of that name (daprd's local.file says "secret {name} not found").</summary>
internal sealed class SecretNotFoundException(string name) : Exception($"secret {name} not found");

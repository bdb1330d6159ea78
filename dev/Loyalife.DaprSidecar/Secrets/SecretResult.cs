namespace Loyalife.DaprSidecar.Secrets;

/// <summary>A secret lookup's value or daprd's error for it.</summary>
internal sealed record SecretResult<T>(T? Value, DaprError? Error) where T : class;

namespace Loyalife.Domain.Alerts;

/// <summary>
/// A webhook host that does not resolve (<see cref="Transient"/>: worth trying again later), or resolves to an
/// address alerts may not go to; the message says which.
/// </summary>
public sealed class WebhookAddressException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}

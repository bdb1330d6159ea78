namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// Which snapshot item an element came from, kept only where someone must know what MoEngage accepted (the
/// intraday lane): the event id (with its instant) or the member id.
/// </summary>
public readonly record struct ItemKey(string Id, DateTimeOffset? OccurredAt = null);

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// One accepted event action; attributes kept as the raw UTF-8 JSON that was sent. <see cref="Sequence"/>
/// orders events across customers as they were applied.
/// </summary>
internal sealed record StoredEvent(
    long Sequence,
    string CustomerId,
    string Name,
    DateTime CurrentTime,
    DateTime ReceivedAt,
    byte[] AttributesJson);

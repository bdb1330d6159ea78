namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>One accepted event action; attributes kept as the raw UTF-8 JSON that was sent.</summary>
internal sealed record StoredEvent(
    string CustomerId,
    string Name,
    DateTime CurrentTime,
    DateTime ReceivedAt,
    byte[] AttributesJson);

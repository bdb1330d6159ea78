namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>One accepted event action; attributes kept as raw JSON.</summary>
internal sealed record StoredEvent(
    string CustomerId,
    string Name,
    DateTime CurrentTime,
    DateTime ReceivedAt,
    string AttributesJson);

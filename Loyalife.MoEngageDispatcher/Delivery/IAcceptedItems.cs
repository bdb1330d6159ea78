namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// Where a run that must know what MoEngage accepted, item by item, records it (the intraday lane: which events it
/// delivered, so the night does not send them again, and which members it refreshed, so the night does not put
/// older attributes over them).
/// </summary>
internal interface IAcceptedItems
{
    Task RecordAsync(RunContext context, ElementKind kind, IReadOnlyList<ItemKey> accepted);
}

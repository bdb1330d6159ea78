namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>What a Bulk Import element carries; each kind has its own per-minute quota.</summary>
public enum ElementKind
{
    Customer,
    Event,
}

namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>The two streams of a snapshot, sent in this order (attributes before the events that use them).</summary>
public enum SnapshotKind
{
    Members,
    Events,
}

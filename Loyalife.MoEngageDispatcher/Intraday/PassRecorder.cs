namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>Records what MoEngage accepted of one pass, before the pass's checkpoint moves past it.</summary>
internal sealed class PassRecorder(LaneStore store, PassRow pass, TimeProvider time) : IAcceptedItems
{
    public Task RecordAsync(RunContext context, ElementKind kind, IReadOnlyList<ItemKey> accepted)
    {
        if (accepted.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Not cancelled by a stop: what MoEngage accepted must be recorded, or the night would send it again.
        return kind == ElementKind.Event
            ? store.RecordEventsAsync(pass, accepted, time.GetUtcNow(), CancellationToken.None)
            : store.RecordMembersAsync(pass, accepted, CancellationToken.None);
    }
}

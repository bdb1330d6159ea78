namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>A business date a run completed (sent), when, and which run.</summary>
public sealed record SyncedNight(DateOnly BusinessDate, DateTimeOffset SyncedAt, Guid RunId);

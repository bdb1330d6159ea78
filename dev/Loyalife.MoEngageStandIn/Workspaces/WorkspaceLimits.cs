namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Per-minute quotas; <c>null</c> means unlimited. An omitted field keeps MoEngage's documented default
/// (docs/moengage.md), an explicit <c>null</c> lifts the limit.
/// </summary>
public sealed record WorkspaceLimits
{
    public int? BulkUsersPerMinute { get; init; } = 60_000;

    public int? BulkEventsPerMinute { get; init; } = 60_000;

    public int? TrackUserPerMinute { get; init; } = 10_000;

    public int? CreateEventPerMinute { get; init; } = 30_000;
}

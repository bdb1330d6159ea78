namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// MoEngage counts quotas per workspace per minute without saying how the minute is cut. The stand-in
/// uses one fixed window per workspace that opens with the first counted request and lasts 60 seconds;
/// every quota of the workspace resets together when it ends. Unlike wall-clock minutes this makes a
/// fresh workspace's first minute whole, so tests never straddle a boundary by accident.
/// Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class QuotaWindow(WorkspaceLimits limits, int? getUserPerMinute)
{
    private static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    private readonly int[] used = new int[Enum.GetValues<QuotaKind>().Length];
    private DateTimeOffset? openedAt;

    /// <summary>Takes the demand if every limited quota it touches has room; otherwise takes nothing.</summary>
    public bool TryConsume(DateTimeOffset now, QuotaDemand demand)
    {
        Roll(now);
        if (!Fits(demand.UsersKind, demand.Users) || !Fits(demand.EventsKind, demand.Events))
        {
            return false;
        }

        used[(int)demand.UsersKind] += demand.Users;
        used[(int)demand.EventsKind] += demand.Events;
        return true;
    }

    /// <summary>The tightest limited quota of the two, or null when all are unlimited.</summary>
    public QuotaHeaders? Headers(DateTimeOffset now, QuotaKind first, QuotaKind second)
    {
        var open = openedAt is { } opened && now < opened + Length;
        var reset = open ? (int)Math.Ceiling((openedAt!.Value + Length - now).TotalSeconds) : (int)Length.TotalSeconds;
        QuotaHeaders? tightest = null;
        foreach (var kind in new[] { first, second })
        {
            if (Limit(kind) is not { } limit)
            {
                continue;
            }

            var remaining = Math.Max(0, limit - (open ? used[(int)kind] : 0));
            if (tightest is null || remaining < tightest.Value.Remaining)
            {
                tightest = new QuotaHeaders(limit, remaining, reset);
            }
        }

        return tightest;
    }

    public bool IsLimited(QuotaKind kind) => Limit(kind) is not null;

    private bool Fits(QuotaKind kind, int amount) =>
        amount == 0 || Limit(kind) is not { } limit || used[(int)kind] + amount <= limit;

    private void Roll(DateTimeOffset now)
    {
        if (openedAt is { } opened && now < opened + Length)
        {
            return;
        }

        openedAt = now;
        Array.Clear(used);
    }

    private int? Limit(QuotaKind kind) => kind switch
    {
        QuotaKind.BulkUsers => limits.BulkUsersPerMinute,
        QuotaKind.BulkEvents => limits.BulkEventsPerMinute,
        QuotaKind.TrackUser => limits.TrackUserPerMinute,
        QuotaKind.CreateEvent => limits.CreateEventPerMinute,
        _ => getUserPerMinute,
    };
}

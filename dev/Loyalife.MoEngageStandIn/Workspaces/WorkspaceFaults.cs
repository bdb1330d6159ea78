namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Shares (0…1) of authenticated Data API requests that get an injected fault. The draws come from a
/// generator seeded with <see cref="Seed"/>, so the same request sequence meets the same faults.
/// </summary>
public sealed record WorkspaceFaults
{
    public double ServerErrorRate { get; init; }

    public double TooManyRequestsRate { get; init; }

    public double SlowRate { get; init; }

    public int SlowMilliseconds { get; init; } = 2000;

    /// <summary>The request is applied, then the connection is aborted without an answer.</summary>
    public double DropAfterAcceptRate { get; init; }

    public int Seed { get; init; } = 1;
}

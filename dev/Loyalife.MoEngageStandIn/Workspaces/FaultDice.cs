namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Seeded draws, two per request whatever the outcome, so a given request sequence meets the same faults
/// on every run. Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class FaultDice(WorkspaceFaults faults)
{
    private readonly Random random = new(faults.Seed);

    public FaultDraw Next()
    {
        var outcome = random.NextDouble();
        var slow = random.NextDouble() < faults.SlowRate;
        var kind = outcome switch
        {
            _ when outcome < faults.ServerErrorRate => FaultKind.ServerError,
            _ when outcome < faults.ServerErrorRate + faults.TooManyRequestsRate => FaultKind.TooManyRequests,
            _ when outcome < faults.ServerErrorRate + faults.TooManyRequestsRate + faults.DropAfterAcceptRate
                => FaultKind.DropAfterAccept,
            _ => FaultKind.None,
        };
        return new FaultDraw(kind, slow ? TimeSpan.FromMilliseconds(faults.SlowMilliseconds) : TimeSpan.Zero);
    }
}

using Loyalife.MoEngageDispatcher.Existence;

namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

/// <summary>An existence gate that knows who MoEngage does not hold; everyone else is found.</summary>
internal sealed class FakeExistenceGate : IExistenceGate
{
    public HashSet<string> Absent { get; } = new(StringComparer.Ordinal);

    public Task<PageVerdicts> ConfirmAsync(
        SyncRun run, MoEngageCredentials credentials, DateOnly date, SnapshotPage page, int skip, ConfirmationFigures figures,
        CancellationToken waits)
    {
        var verdicts = new Dictionary<string, MemberVerdict>(StringComparer.Ordinal);
        foreach (var item in page.Items.EnumerateArray().Skip(skip))
        {
            var customerId = item.GetProperty("customerId").GetString()!;
            verdicts[customerId] = Absent.Contains(customerId) ? MemberVerdict.NotFound : MemberVerdict.Found;
        }

        return Task.FromResult(new PageVerdicts(ExistenceGate.Holds(run, credentials), verdicts));
    }

    public Task<long> CountAbsentAsync(SyncRun run, DateOnly through, CancellationToken waits) => Task.FromResult((long)Absent.Count);
}

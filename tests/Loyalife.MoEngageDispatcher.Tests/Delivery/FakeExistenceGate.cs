using Loyalife.MoEngageDispatcher.Existence;

namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

/// <summary>An existence gate that knows who MoEngage does not hold; everyone else is found.</summary>
internal sealed class FakeExistenceGate : IExistenceGate
{
    public HashSet<string> Absent { get; } = new(StringComparer.Ordinal);

    public Task ConfirmAsync(
        SyncRun run, MoEngageCredentials credentials, DateOnly date, SnapshotPage page, int skip, PageVerdicts verdicts,
        ConfirmationFigures figures, CancellationToken waits)
    {
        verdicts.Reset(ExistenceGate.Holds(run, credentials));
        foreach (var item in page.Items.EnumerateArray().Skip(skip))
        {
            var customerId = item.GetProperty("customerId").GetString()!;
            verdicts.ByCustomer[customerId] = Absent.Contains(customerId) ? MemberVerdict.NotFound : MemberVerdict.Found;
        }

        return Task.CompletedTask;
    }

    public Task<long> CountAbsentAsync(SyncRun run, DateOnly through, CancellationToken waits) => Task.FromResult((long)Absent.Count);
}

namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

/// <summary>
/// The run's row in memory: every checkpoint saved, with what the report counted at that moment, the
/// rejected elements, the dates completed. <see cref="LoseLeaseAtSave"/> makes the n-th checkpoint find the
/// fencing token superseded.
/// </summary>
internal sealed class FakeProgressStore : IProgressStore
{
    private readonly List<Saved> saves = [];
    private readonly List<RejectedElement> rejected = [];

    public int? LoseLeaseAtSave { get; set; }

    public bool LeaseLost { get; private set; }

    public IReadOnlyList<Saved> Checkpoints => saves;

    public IReadOnlyList<RejectedElement> Rejected => rejected;

    public List<DateOnly> Completed { get; } = [];

    public int ReportSaves { get; private set; }

    public Task SaveProgressAsync(
        Guid runId, long fencingToken, Checkpoint checkpoint, RunReport report, IReadOnlyList<RejectedElement> rejectedElements,
        CancellationToken cancellationToken)
    {
        lock (saves)
        {
            Fence(runId);
            if (saves.Count + 1 == LoseLeaseAtSave)
            {
                LeaseLost = true;
                Fence(runId);
            }

            saves.Add(new Saved(checkpoint, report.MembersSent, report.EventsSent.Values.Sum(), report.RejectedElements,
                report.EventsHeldBack.Values.Sum()));
            rejected.AddRange(rejectedElements);
        }

        return Task.CompletedTask;
    }

    public Task SaveReportAsync(Guid runId, long fencingToken, RunReport report, CancellationToken cancellationToken)
    {
        Fence(runId);
        ReportSaves++;
        return Task.CompletedTask;
    }

    public Task CompleteDateAsync(
        Guid runId, long fencingToken, string programId, DateOnly date, bool dryRun, Checkpoint next, RunReport report,
        CancellationToken cancellationToken)
    {
        Fence(runId);
        Completed.Add(date);
        return Task.CompletedTask;
    }

    private void Fence(Guid runId)
    {
        if (LeaseLost)
        {
            throw new LeaseLostException(runId);
        }
    }

    /// <summary>A checkpoint as saved, with the report's counts saved beside it.</summary>
    public sealed record Saved(Checkpoint Checkpoint, long MembersSent, long EventsSent, long RejectedElements, long EventsHeldBack)
    {
        public int Index => InMemorySnapshots.IndexOf(Checkpoint.Position);
    }
}

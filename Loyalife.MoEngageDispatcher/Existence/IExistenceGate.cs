namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>
/// What the pipeline asks before a page of events is packed: which of their members MoEngage holds
/// (<see cref="ExistenceGate"/>). What asking cost is added to <c>figures</c>, which the caller puts in the report.
/// </summary>
public interface IExistenceGate
{
    /// <summary>Fills <paramref name="verdicts"/> with those of the members of the page's events from <paramref name="skip"/> on.</summary>
    Task ConfirmAsync(
        SyncRun run, MoEngageCredentials credentials, DateOnly date, SnapshotPage page, int skip, PageVerdicts verdicts,
        ConfirmationFigures figures, CancellationToken waits);

    /// <summary>Members of the run's dates through <paramref name="through"/> whom MoEngage does not hold.</summary>
    Task<long> CountAbsentAsync(SyncRun run, DateOnly through, CancellationToken waits);
}

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// One run as the pipeline's steps see it, handed to each rather than captured piecemeal: the run as claimed,
/// the workspace's credentials, the lease's fencing token (every progress write is conditional on it) and the
/// report's one writer.
/// </summary>
/// <param name="Stopping">The host is stopping: no new body goes out, what is in flight finishes and is checkpointed.</param>
/// <param name="LeaseLost">Another runner may hold the program: requests in flight are aborted, nothing more is saved.</param>
/// <param name="Waits">Either of the two: cancels quota, Get User and back-off waits.</param>
/// <param name="Accepted">Told which items MoEngage accepted, before each checkpoint (an intraday pass); null for a night.</param>
internal sealed record RunContext(
    SyncRun Run, MoEngageCredentials Credentials, long FencingToken, ReportBook Book,
    CancellationToken Stopping, CancellationToken LeaseLost, CancellationToken Waits, IAcceptedItems? Accepted = null);

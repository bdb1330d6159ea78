namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// The pipeline's way out: one body to MoEngage's Bulk Import, within the workspace's quota (shared by
/// replicas). Splitting, ordering and accounting are the pipeline's; this only waits for room and posts.
/// </summary>
public interface IBulkImport
{
    /// <param name="requestToken">Cancels a request in flight (the lease was lost); a stop between bodies does not.</param>
    /// <param name="waits">Cancels quota and back-off waits (stopping, or the lease lost): the body stays unsent.</param>
    Task<BulkAnswer> SendAsync(MoEngageCredentials credentials, BulkBody body, CancellationToken requestToken, CancellationToken waits);
}

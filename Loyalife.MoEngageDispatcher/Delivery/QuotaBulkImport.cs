namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>Bulk Import through the shared quota limiter (Redis) and <see cref="MoEngageClient"/>.</summary>
internal sealed class QuotaBulkImport(MoEngageClient moengage, IQuotaLimiter limiter) : IBulkImport
{
    public async Task<BulkAnswer> SendAsync(
        MoEngageCredentials credentials, BulkBody body, CancellationToken requestToken, CancellationToken waits)
    {
        var waited = await limiter.ReserveAsync(credentials.AppId, IQuotaLimiter.For(body.Kind), body.Count, waits);
        var result = await moengage.SendAsync(credentials, body, requestToken, waits);
        return new BulkAnswer(result, waited);
    }
}

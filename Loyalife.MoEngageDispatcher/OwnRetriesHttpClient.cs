namespace Loyalife.MoEngageDispatcher;

/// <summary>
/// The named clients whose calls the dispatcher retries and times itself (the MoEngage Data API, webhooks). The
/// standard resilience handler ServiceDefaults adds to every client would resend behind the caller's back, where
/// a resend is not harmless: a Bulk Import POST is not idempotent, a webhook delivery is recorded per attempt.
/// Each attempt has its own deadline, so the client has none.
/// </summary>
internal static class OwnRetriesHttpClient
{
    public static IHttpClientBuilder AddHttpClientWithOwnRetries(this IServiceCollection services, string name)
    {
        // RemoveAllResilienceHandlers is marked experimental; it is the documented way to undo a default handler.
#pragma warning disable EXTEXP0001
        return services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
    }
}

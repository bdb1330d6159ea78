namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// Posts Bulk Import bodies under the shared failure policy (<see cref="DataApiCalls"/>): 401/403/409 stop the
/// run, 413 asks for a split, another 4xx is answered as rejected (a 400 the sender splits to isolate the elements refused). The POST is not idempotent
/// (events duplicate), so every retry of a body that may have landed is reported.
/// </summary>
public sealed class MoEngageClient(DataApiCalls calls)
{
    public const string HttpClientName = "moengage";

    /// <param name="requestToken">Cancels an attempt in flight (the lease was lost); a stop between bodies does not.</param>
    /// <param name="waitToken">Cancels back-off and rate-limit waits (the host is stopping): the body stays unsent.</param>
    public Task<SendResult> SendAsync(MoEngageCredentials credentials, BulkBody body, CancellationToken requestToken, CancellationToken waitToken)
    {
        var uri = new Uri($"{credentials.ApiBaseUrl.TrimEnd('/')}/v1/transition/{Uri.EscapeDataString(credentials.AppId)}");
        var authorization = Basic(credentials);
        return calls.SendAsync(
            "MoEngage", credentials,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new BulkContent(body.Content) };
                request.Headers.Authorization = authorization;
                request.Headers.Add("MOE-APPKEY", credentials.AppId);
                return request;
            },
            (response, tally, _) => Task.FromResult(Result(SendOutcome.Accepted, (int)response.StatusCode, null, tally)),
            (status, answer, tally) => status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Conflict =>
                    throw new CredentialsRejectedException(credentials.DataCenter, (int)status, answer),
                HttpStatusCode.RequestEntityTooLarge => Result(SendOutcome.TooLarge, (int)status, answer, tally),
                _ => Result(SendOutcome.Rejected, (int)status, answer, tally),
            },
            request => ((BulkContent)request.Content!).Sent,
            requestToken, waitToken);

        SendResult Result(SendOutcome outcome, int status, string? answer, AttemptTally tally) =>
            new(outcome, status, answer, tally.Requests, tally.Retries, tally.RateLimitWaits, tally.RateLimitWaited,
                tally.PossibleDuplicate, (long)tally.Requests * body.Length);
    }

    /// <summary>HTTP Basic with the workspace ID and the Data API key, as every Data API call wants.</summary>
    internal static AuthenticationHeaderValue Basic(MoEngageCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.AppId}:{credentials.ApiKey}")));
}

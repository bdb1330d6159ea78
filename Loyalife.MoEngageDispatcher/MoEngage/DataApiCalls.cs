namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// The failure policy every Data API call shares (docs/moengage.md): 429 waits for the reset the headers
/// give, up to a bound; 5xx, 408, timeouts and dropped connections are retried with back-off up to
/// <c>MoEngage:MaxAttempts</c>, then the run fails. What a success or another refusal means is the caller's.
/// No generic resilience handler does this: a Bulk Import POST is not idempotent, so retries must be counted.
/// </summary>
public sealed class DataApiCalls(
    IHttpClientFactory httpClients, IOptions<MoEngageOptions> options, RetryTiming timing, TimeProvider time, ILogger<DataApiCalls> logger)
{
    private const int AnswerLimit = 2000;
    private readonly MoEngageOptions settings = options.Value;

    /// <param name="api">Names the API in messages ("MoEngage", "MoEngage (Get User)").</param>
    /// <param name="build">A fresh request for each attempt.</param>
    /// <param name="accepted">Reads a 2xx answer.</param>
    /// <param name="refused">Decides a 4xx other than 408 and 429 (answer it, or throw); gets the answer's text.</param>
    /// <param name="sentInFull">Whether a cut-off attempt had written its whole body (a possible duplicate).</param>
    /// <param name="requestToken">Cancels an attempt in flight.</param>
    /// <param name="waitToken">Cancels back-off and rate-limit waits.</param>
    public async Task<T> SendAsync<T>(
        string api, MoEngageCredentials credentials, Func<HttpRequestMessage> build,
        Func<HttpResponseMessage, AttemptTally, CancellationToken, Task<T>> accepted,
        Func<HttpStatusCode, string, AttemptTally, T> refused,
        Func<HttpRequestMessage, bool>? sentInFull, CancellationToken requestToken, CancellationToken waitToken)
    {
        var http = httpClients.CreateClient(MoEngageClient.HttpClientName);
        var tally = new AttemptTally();
        while (true)
        {
            tally.Requests++;
            using var request = build();
            string failure;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(requestToken))
            {
                attempt.CancelAfter(settings.RequestTimeout);
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return await accepted(response, tally, attempt.Token);
                    }

                    var answer = await ReadAnswerAsync(response, attempt.Token);
                    switch (response.StatusCode)
                    {
                        case HttpStatusCode.TooManyRequests when tally.RateLimitWaits < settings.MaxRateLimitWaitsPerBody:
                            var wait = timing.RateLimitWait(response);
                            tally.RateLimitWaits++;
                            tally.RateLimitWaited += wait;
                            logger.LogWarning("{Api} rate limit for workspace {AppId}: waiting {Wait} for the reset", api, credentials.AppId, wait);
                            await Task.Delay(wait, time, waitToken);
                            continue;
                        case HttpStatusCode.TooManyRequests:
                            throw new MoEngageUnavailableException($"{api} kept answering 429 after {tally.RateLimitWaits} waits: {answer}");
                        case >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout:
                            failure = $"{(int)response.StatusCode}: {answer}";
                            break;
                        default:
                            return refused(response.StatusCode, answer, tally);
                    }
                }
                catch (OperationCanceledException) when (!requestToken.IsCancellationRequested)
                {
                    failure = $"no answer within {settings.RequestTimeout}";
                    tally.PossibleDuplicate |= sentInFull?.Invoke(request) == true;
                }
                catch (HttpRequestException exception)
                {
                    // Written out in full and then cut off: MoEngage may have accepted it, so a retry may duplicate.
                    failure = $"connection failed ({exception.HttpRequestError})";
                    tally.PossibleDuplicate |= sentInFull?.Invoke(request) == true;
                }
            }

            if (tally.Requests - tally.RateLimitWaits >= settings.MaxAttempts)
            {
                throw new MoEngageUnavailableException(
                    $"{api} data centre {credentials.DataCenter} failed {tally.Requests - tally.RateLimitWaits} attempts, last: {failure}");
            }

            tally.Retries++;
            var delay = timing.Backoff(tally.Retries);
            logger.LogWarning("{Api} request failed ({Failure}); retry {Retry} in {Delay}", api, failure, tally.Retries, delay);
            await Task.Delay(delay, time, waitToken);
        }
    }

    private static async Task<string> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return answer.Length <= AnswerLimit ? answer : answer[..AnswerLimit] + "…";
    }
}

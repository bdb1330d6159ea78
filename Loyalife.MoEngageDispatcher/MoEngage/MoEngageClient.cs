using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Loyalife.MoEngageDispatcher.Sources;
using Microsoft.Extensions.Options;

namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// Posts Bulk Import bodies and applies the failure policy itself (docs/moengage.md): the POST is not idempotent
/// (events duplicate), so no generic resilience handler may retry it behind our back.
/// </summary>
public sealed class MoEngageClient(
    IHttpClientFactory httpClients, IOptions<MoEngageOptions> options, TimeProvider time, ILogger<MoEngageClient> logger)
{
    public const string HttpClientName = "moengage";
    private const int AnswerLimit = 2000;
    private readonly MoEngageOptions settings = options.Value;

    /// <param name="requestToken">Cancels an attempt in flight (the lease was lost); a stop between bodies does not.</param>
    /// <param name="waitToken">Cancels back-off and rate-limit waits (the host is stopping): the body stays unsent.</param>
    public async Task<SendResult> SendAsync(
        MoEngageCredentials credentials, BulkBody body, CancellationToken requestToken, CancellationToken waitToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var uri = new Uri($"{credentials.ApiBaseUrl.TrimEnd('/')}/v1/transition/{Uri.EscapeDataString(credentials.AppId)}");
        var authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.AppId}:{credentials.ApiKey}")));
        int requests = 0, retries = 0, rateLimitWaits = 0;
        var waited = TimeSpan.Zero;
        var possibleDuplicate = false;
        long bytes = 0;

        while (true)
        {
            requests++;
            bytes += body.Length;
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new BulkContent(body.Content) };
            request.Headers.Authorization = authorization;
            request.Headers.Add("MOE-APPKEY", credentials.AppId);
            var content = (BulkContent)request.Content;

            string failure;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(requestToken))
            {
                attempt.CancelAfter(settings.RequestTimeout);
                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attempt.Token);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return Result(SendOutcome.Accepted, status, null);
                    }

                    var answer = await ReadAnswerAsync(response, attempt.Token);
                    switch (response.StatusCode)
                    {
                        case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Conflict:
                            throw new CredentialsRejectedException(credentials.DataCenter, status, answer);
                        case HttpStatusCode.RequestEntityTooLarge:
                            return Result(SendOutcome.TooLarge, status, answer);
                        case HttpStatusCode.TooManyRequests when rateLimitWaits < settings.MaxRateLimitWaitsPerBody:
                            var wait = RateLimitWait(response);
                            rateLimitWaits++;
                            waited += wait;
                            logger.LogWarning("MoEngage rate limit for workspace {AppId}: waiting {Wait} for the reset", credentials.AppId, wait);
                            await Task.Delay(wait, time, waitToken);
                            continue;
                        case HttpStatusCode.TooManyRequests:
                            throw new MoEngageUnavailableException($"MoEngage kept answering 429 after {rateLimitWaits} waits: {answer}");
                        case >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout:
                            failure = $"{status}: {answer}";
                            break;
                        default:
                            return Result(SendOutcome.Rejected, status, answer);
                    }
                }
                catch (OperationCanceledException) when (!requestToken.IsCancellationRequested)
                {
                    failure = $"no answer within {settings.RequestTimeout}";
                    possibleDuplicate |= content.Sent;
                }
                catch (HttpRequestException exception)
                {
                    // Written out in full and then cut off: MoEngage may have accepted it, so a retry may duplicate.
                    failure = $"connection failed ({exception.HttpRequestError})";
                    possibleDuplicate |= content.Sent;
                }
            }

            if (requests - rateLimitWaits >= settings.MaxAttempts)
            {
                throw new MoEngageUnavailableException(
                    $"MoEngage data centre {credentials.DataCenter} failed {requests - rateLimitWaits} attempts, last: {failure}");
            }

            retries++;
            var delay = Backoff(retries);
            logger.LogWarning("MoEngage request failed ({Failure}); retry {Retry} in {Delay}", failure, retries, delay);
            await Task.Delay(delay, time, waitToken);
        }

        SendResult Result(SendOutcome outcome, int status, string? answer) =>
            new(outcome, status, answer, requests, retries, rateLimitWaits, waited, possibleDuplicate, bytes);
    }

    /// <summary>Exponential back-off with full jitter, so replicas that failed together do not retry together.</summary>
    private TimeSpan Backoff(int retry)
    {
        var ceiling = Math.Min(settings.MaxDelay.TotalMilliseconds, settings.BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    /// <summary>
    /// The wait a 429 asks for: <c>x-ratelimit-reset</c> as seconds to wait or as a Unix time (both are seen
    /// in the wild), else <c>Retry-After</c>, else a second; never longer than the configured bound.
    /// </summary>
    private TimeSpan RateLimitWait(HttpResponseMessage response)
    {
        var wait = TimeSpan.FromSeconds(1);
        if (response.Headers.TryGetValues("x-ratelimit-reset", out var values)
            && double.TryParse(values.FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var reset))
        {
            wait = reset > 1_000_000_000
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)(reset * 1000)) - time.GetUtcNow()
                : TimeSpan.FromSeconds(reset);
        }
        else if (response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date - time.GetUtcNow()) ?? wait;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.MaxRateLimitWait ? settings.MaxRateLimitWait : wait;
    }

    private static async Task<string> ReadAnswerAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        return answer.Length <= AnswerLimit ? answer : answer[..AnswerLimit] + "…";
    }
}

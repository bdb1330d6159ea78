using Microsoft.Extensions.Http.Logging;

namespace Loyalife.SettingsService.MoEngage;

/// <summary>
/// The save checks' request log: method, address, the request's header names, status and time taken. It
/// stands in for HttpClient's default logging, which writes <c>Authorization: *</c> into the message but
/// hands the header's value (Basic credentials holding the API key) unredacted to every structured sink
/// through the log state; here no header value is ever part of a log record.
/// </summary>
internal sealed class HeaderNamesHttpLogger(ILogger logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request)
    {
        logger.LogInformation("Sending HTTP request {Method} {Uri}", request.Method, request.RequestUri);
        var names = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(header => header.Key);
        logger.LogTrace("Request headers (values not logged): {Headers}", string.Join(", ", names));
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        logger.LogInformation("Received HTTP response {StatusCode} after {ElapsedMilliseconds} ms", (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        logger.LogWarning("HTTP request {Method} {Uri} failed after {ElapsedMilliseconds} ms: {Error}",
            request.Method, request.RequestUri, elapsed.TotalMilliseconds, exception.Message);
}

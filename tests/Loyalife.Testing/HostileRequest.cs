namespace Loyalife.Testing;

/// <summary>
/// One row of a bad input sweep: a malformed or hostile request and the statuses that may answer it.
/// Shared by the services' test projects.
/// </summary>
public sealed record HostileRequest(string Method, string Path, Action<HttpRequestMessage> Auth, int[] Expected, Func<HttpContent>? Content = null)
{
    /// <summary>What an error's body must be; an API that imitates another's errors (the MoEngage stand-in) names its own.</summary>
    public string ErrorMediaType { get; init; } = "application/problem+json";

    /// <summary>
    /// Sends the request and judges the answer: null when the status is one of <see cref="Expected"/>, an error that
    /// has a body is an RFC 7807 problem (or <see cref="ErrorMediaType"/>), and no secret appears in the body or a header; otherwise what is wrong.
    /// </summary>
    public async Task<string?> SendAndJudgeAsync(HttpClient client, IEnumerable<string> secrets, string? path = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(Method), path ?? Path) { Content = Content?.Invoke() };
        Auth(request);
        // As a careful client sends a big body: the server can refuse it by its length before a byte is sent.
        request.Headers.ExpectContinue = request.Content is not null;

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (!Expected.Contains(status))
        {
            return $"expected {string.Join("/", Expected)}, got {status}: {body}";
        }

        if (status >= 400 && body.Length > 0 && response.Content.Headers.ContentType?.MediaType != ErrorMediaType)
        {
            return $"{status} answered {response.Content.Headers.ContentType} instead of {ErrorMediaType}: {body}";
        }

        var answer = body + string.Join(";", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}={string.Join(',', h.Value)}"));
        return secrets.FirstOrDefault(secret => answer.Contains(secret, StringComparison.Ordinal)) is { } leaked
            ? $"the answer carries the secret '{leaked[..Math.Min(4, leaked.Length)]}…': {answer}"
            : null;
    }
}

using System.Net.Http.Headers;

namespace Loyalife.SettingsService.MoEngage;

/// <summary>
/// One request from settings-service to MoEngage's Data API while an admin waits on Save: HTTP Basic
/// appId:apiKey, a JSON body sent with its Content-Length (MoEngage does not promise to read chunked bodies:
/// docs/moengage.md, "Authentication"), one attempt within a time limit, and the answer read as JSON when it is.
/// </summary>
public static class MoEngageCall
{
    public static HttpRequestMessage Post(Uri url, object body, string appId, string apiKey)
    {
        // Serialized up front, so HttpClient knows the length instead of streaming the body in chunks.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{apiKey}")));
        return request;
    }

    /// <returns>The answer; one without a status when none came within <paramref name="timeout"/> (network error, timeout).</returns>
    public static async Task<MoEngageAnswer> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, limit.Token);
            return new MoEngageAnswer((int)response.StatusCode, await ReadJsonAsync(response, limit.Token));
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The exception's text is not kept: it could only name the host, and the caller names that itself.
            return new MoEngageAnswer(null, null, TimedOut: exception is OperationCanceledException);
        }
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

namespace Loyalife.SettingsService.Tests.Support;

/// <summary>Keeps every response body a test client received, for leak checks.</summary>
public sealed class RecordingHandler() : DelegatingHandler(new HttpClientHandler())
{
    private readonly ConcurrentQueue<string> bodies = new();

    public IReadOnlyCollection<string> Bodies => bodies;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        bodies.Enqueue($"{(int)response.StatusCode} {request.Method} {request.RequestUri}: {string.Join(";", response.Headers.Select(h => $"{h.Key}={string.Join(',', h.Value)}"))} {body}");
        return response;
    }
}

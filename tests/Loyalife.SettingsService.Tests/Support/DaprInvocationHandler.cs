namespace Loyalife.SettingsService.Tests.Support;

/// <summary>Sends each request as Dapr service invocation of settings-service through the given sidecar.</summary>
public sealed class DaprInvocationHandler(Uri sidecar, string apiToken, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(sidecar, "/v1.0/invoke/settings-service/method" + request.RequestUri!.PathAndQuery);
        request.Headers.Add("dapr-api-token", apiToken);
        return base.SendAsync(request, cancellationToken);
    }
}

using System.Net.Sockets;

namespace Loyalife.DaprSidecar.Invocation;

/// <summary>Calls this sidecar makes to its own app on its own behalf (input bindings), with the app token.</summary>
internal sealed class AppChannel(HttpMessageInvoker client, SidecarContext sidecar)
{
    public bool IsConfigured => sidecar.Options.AppBaseUri is not null;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestMessage>? decorate, CancellationToken ct)
    {
        var app = sidecar.Options.AppBaseUri ?? throw new InvalidOperationException("app channel is not initialized");
        using var request = new HttpRequestMessage(method, new Uri(app, path));
        if (method == HttpMethod.Post)
            request.Content = new ByteArrayContent([]);
        if (sidecar.Environment.AppApiToken is { } token)
            request.Headers.TryAddWithoutValidation(ApiTokenMiddleware.Header, token);
        decorate?.Invoke(request);
        return await client.SendAsync(request, ct);
    }

    /// <summary>Like daprd, input bindings start only once the app's port accepts connections.</summary>
    public async Task WaitUntilListeningAsync(CancellationToken ct)
    {
        var app = sidecar.Options.AppBaseUri ?? throw new InvalidOperationException("app channel is not initialized");
        while (true)
        {
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(app.Host, app.Port, ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            }
        }
    }
}

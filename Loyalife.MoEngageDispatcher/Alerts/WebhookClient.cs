using System.Net.Sockets;
using Loyalife.Domain.Alerts;

namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// POSTs an alert to a webhook. Every connection resolves the host itself and checks each address it would
/// connect to (so a DNS answer that changed since the target was saved cannot steer an alert inside the
/// network); redirects are not followed, for the same reason.
/// </summary>
public sealed class WebhookClient(IHttpClientFactory clients, IOptions<AlertOptions> options, IHostEnvironment environment, TimeProvider time)
{
    public const string HttpClientName = "alerts";

    public bool AllowLocalhost => AllowsLocalhost(options.Value, environment);

    public static bool AllowsLocalhost(AlertOptions options, IHostEnvironment environment) => options.AllowLocalhost ?? environment.IsDevelopment();

    /// <summary>The handler behind <see cref="HttpClientName"/>: checked connections, no redirects, no cookies.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowLocalhost) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await WebhookAddress.ResolveAsync(context.DnsEndPoint.Host, allowLocalhost, cancellationToken);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public async Task<DeliveryResult> SendAsync(string url, string? signingSecret, Guid deliveryId, byte[] body, CancellationToken cancellationToken)
    {
        if (WebhookAddress.Problem(url, AllowLocalhost, out var uri) is { } problem)
        {
            return new DeliveryResult(DeliveryOutcome.Failed, null, problem);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(AlertSignature.DeliveryHeader, deliveryId.ToString());
        if (signingSecret is not null)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            request.Headers.Add(AlertSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add(AlertSignature.SignatureHeader, AlertSignature.Sign(signingSecret, timestamp, body));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => new DeliveryResult(DeliveryOutcome.Delivered, status, null),
                408 or 429 or >= 500 => new DeliveryResult(DeliveryOutcome.Retry, status, $"the webhook answered HTTP {status}"),
                >= 300 and < 400 => new DeliveryResult(DeliveryOutcome.Failed, status, $"the webhook answered HTTP {status}, a redirect; alerts do not follow redirects"),
                _ => new DeliveryResult(DeliveryOutcome.Failed, status, $"the webhook answered HTTP {status}"),
            };
        }
        catch (HttpRequestException exception) when (Refusal(exception) is { } refused)
        {
            return new DeliveryResult(refused.Transient ? DeliveryOutcome.Retry : DeliveryOutcome.Failed, null, refused.Message);
        }
        catch (HttpRequestException exception)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, null, $"no connection to the webhook: {exception.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryOutcome.Retry, null, $"the webhook did not answer within {options.Value.RequestTimeout.TotalSeconds:0.#} s");
        }
    }

    private static WebhookAddressException? Refusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is WebhookAddressException refused)
            {
                return refused;
            }
        }

        return null;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Loyalife.Testing;

/// <summary>
/// A webhook on <c>localhost</c> (the development exception): keeps every request, answers the statuses a
/// test queues (then 200), and checks each signature against the secret it was given, as a receiver would:
/// its own HMAC-SHA256 of "{timestamp}.{body}".
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> statuses = new();

    private WebhookReceiver(WebApplication app, string? secret)
    {
        this.app = app;
        Secret = secret;
    }

    public string? Secret { get; }

    public string Url { get; private set; } = "";

    public ConcurrentQueue<Received> Requests { get; } = new();

    public static async Task<WebhookReceiver> StartAsync(string? secret = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = FreePort.Next();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(port));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            receiver.Requests.Enqueue(new Received(
                http.Request.Headers["X-Loyalife-Delivery"].ToString(), JsonDocument.Parse(body).RootElement.Clone(),
                Encoding.UTF8.GetString(body), receiver.Verify(http.Request, body), http.Request.ContentType, DateTimeOffset.UtcNow));
            return Results.StatusCode(receiver.statuses.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        receiver.Url = $"http://localhost:{port}/hook";
        return receiver;
    }

    /// <summary>The next answers, in order, before the receiver answers 200 again.</summary>
    public void AnswerNext(params int[] answers)
    {
        foreach (var answer in answers)
        {
            statuses.Enqueue(answer);
        }
    }

    private bool? Verify(HttpRequest request, byte[] body)
    {
        if (Secret is null)
        {
            return null;
        }

        var timestamp = request.Headers["X-Loyalife-Timestamp"].ToString();
        var signature = request.Headers["X-Loyalife-Signature"].ToString();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out _) || !signature.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray());
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(signature["sha256=".Length..]));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>One request: its delivery id, body, whether its signature held (null: no secret to check against).</summary>
    public sealed record Received(string DeliveryId, JsonElement Body, string Raw, bool? SignatureValid, string? ContentType, DateTimeOffset At);

    /// <summary>Waits until at least <paramref name="count"/> requests arrived.</summary>
    public async Task<List<Received>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (Requests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the webhook received {Requests.Count} of {count} requests");
            }

            await Task.Delay(50);
        }

        return [.. Requests];
    }
}

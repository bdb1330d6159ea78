using System.Collections.Concurrent;
using System.Net;

namespace Loyalife.AppHost.Tests;

/// <summary>
/// A minimal OTLP/HTTP (protobuf) receiver: keeps every span exported to it and answers every export with
/// 200, so the exporters never retry. Logs and metrics are accepted and dropped.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<ReceivedSpan> spans = new();
    private readonly Task serving;

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        listener.Prefixes.Add($"{Endpoint}");
        listener.Start();
        serving = ServeAsync();
    }

    /// <summary>The value for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (protocol <c>http/protobuf</c>).</summary>
    public Uri Endpoint { get; }

    public IReadOnlyCollection<ReceivedSpan> Spans => spans;

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var path = context.Request.Url?.AbsolutePath ?? "/";
            // Services post to /v1/traces; the local sidecar posts traces and logs to the endpoint as given.
            if (path is "/v1/traces" or "/")
            {
                try
                {
                    foreach (var span in OtlpTraceParser.Parse(body.ToArray()))
                    {
                        spans.Enqueue(span);
                    }
                }
                catch (FormatException) when (path == "/")
                {
                    // The sidecar's logs.
                }
            }

            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await serving;
    }
}

using System.Collections.Concurrent;

namespace Loyalife.AppHost.Tests.Support;

/// <summary>
/// A minimal OTLP/HTTP (protobuf) receiver: keeps every span exported to it and answers every export with
/// 200, so the exporters never retry. Logs and metrics are accepted and dropped; other paths are 404.
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
            // OTLP/HTTP's paths, as the dashboard serves them: an exporter posting elsewhere loses its telemetry there too.
            var path = context.Request.Url?.AbsolutePath;
            if (path == "/v1/traces")
            {
                foreach (var span in OtlpTraceParser.Parse(body.ToArray()))
                {
                    spans.Enqueue(span);
                }
            }

            context.Response.StatusCode = path is "/v1/traces" or "/v1/logs" or "/v1/metrics" ? 200 : 404;
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

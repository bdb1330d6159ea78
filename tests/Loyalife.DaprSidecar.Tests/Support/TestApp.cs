namespace Loyalife.DaprSidecar.Tests.Support;

/// <summary>A small app on real Kestrel (port 0) that a sidecar forwards to; it records what it received.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestApp(WebApplication app, ConcurrentQueue<ReceivedRequest> received)
    {
        this.app = app;
        Received = received;
    }

    public ConcurrentQueue<ReceivedRequest> Received { get; }

    public int Port => new Uri(app.Urls.First()).Port;

    /// <summary>Starts the app; <paramref name="map"/> adds routes besides the standard echo routes.</summary>
    public static async Task<TestApp> StartAsync(Action<WebApplication, ConcurrentQueue<ReceivedRequest>>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var received = new ConcurrentQueue<ReceivedRequest>();

        // Echo: answers what arrived, as JSON.
        app.Map("/echo/{**rest}", async (HttpContext context) =>
        {
            var request = await ReceivedRequest.ReadAsync(context.Request);
            received.Enqueue(request);
            context.Response.Headers["x-echo"] = "yes";
            await context.Response.WriteAsJsonAsync(request);
        });
        // Mirror: reads the whole body, then sends it back (as an API does; a full-duplex echo would stall
        // any client that sends its whole request before reading the answer).
        app.MapPost("/mirror", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length));
        });
        app.Map("/status/{code:int}", (int code) => code == 204
            ? Results.NoContent()
            : Results.Text($"the app says {code}", "text/plain", statusCode: code));
        map?.Invoke(app, received);

        await app.StartAsync();
        return new TestApp(app, received);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

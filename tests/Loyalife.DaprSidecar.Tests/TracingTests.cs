using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Loyalife.DaprSidecar.Tests;

public sealed class TracingTests
{
    [Fact]
    public async Task SpansAndLogsAreExportedOverOtlpWhenAnEndpointIsSet()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var sidecars = new TestSidecars();
        var app = await sidecars.StartAppAsync();
        var exported = new SidecarEnvironment
        {
            RegistryDirectory = sidecars.Environment.RegistryDirectory,
            OtlpEndpoint = collector.Endpoint.ToString(),
        };
        await using (var callee = await DaprSidecarHost.StartAsync(
            ["--app-id", "traced-callee", "--app-port", app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--dapr-http-port", "0", "--dapr-grpc-port", "0"], exported))
        {
            using var response = await sidecars.Invoker(callee, "traced-callee").GetAsync("/echo/traced");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await sidecars.DisposeAsync();

        // Disposing the sidecar flushes its batches; each export names the sidecar's service.
        var spans = Assert.Single(collector.Exports, e => e.Signal == "trace" && e.Text.Contains("traced-callee-dapr", StringComparison.Ordinal));
        Assert.Contains("/echo/traced", spans.Text, StringComparison.Ordinal);
        Assert.Contains(collector.Exports, e => e.Signal == "logs" && e.Text.Contains("Sidecar for traced-callee serves", StringComparison.Ordinal));
    }

    /// <summary>Accepts OTLP/gRPC trace and log exports on plain-text HTTP/2 and keeps their bytes as text.</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication app;

        private FakeOtlpCollector(WebApplication app) => this.app = app;

        public ConcurrentBag<(string Signal, string Text)> Exports { get; } = [];

        public Uri Endpoint => new(app.Urls.First());

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
            var app = builder.Build();
            var collector = new FakeOtlpCollector(app);
            app.MapPost("/opentelemetry.proto.collector.{signal}.v1.{service}/Export", async (HttpContext context, string signal) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector.Exports.Add((signal, Encoding.UTF8.GetString(body.ToArray())));
                context.Response.ContentType = "application/grpc";
                context.Response.AppendTrailer("grpc-status", "0");
                // An empty Export…ServiceResponse: uncompressed flag, zero length.
                await context.Response.Body.WriteAsync(new byte[5]);
            });
            await app.StartAsync();
            return collector;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

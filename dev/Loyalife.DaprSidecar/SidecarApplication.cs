using System.Net;
using Loyalife.DaprSidecar.Cron;
using Loyalife.DaprSidecar.Health;
using Loyalife.DaprSidecar.Secrets;
using Loyalife.DaprSidecar.Tracing;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Loyalife.DaprSidecar;

/// <summary>Builds one sidecar's web application: its listeners, services and APIs.</summary>
internal static class SidecarApplication
{
    public static (WebApplication App, SidecarListeners Listeners) Build(SidecarContext sidecar)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SidecarApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var listeners = new SidecarListeners();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // A proxy must not cap what it forwards; the app decides what it accepts.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, sidecar.Options.HttpPort, o => listeners.Http = o);
            kestrel.Listen(IPAddress.Loopback, sidecar.Options.GrpcPort, o =>
            {
                // Plain-text gRPC needs an HTTP/2-only endpoint (no TLS to negotiate the protocol).
                o.Protocols = HttpProtocols.Http2;
                listeners.Grpc = o;
            });
            if (sidecar.Options.MetricsPort is { } metrics)
                kestrel.Listen(IPAddress.Loopback, metrics);
        });
        ConfigureLogging(builder.Logging, sidecar.Options.LogLevel);

        var services = builder.Services;
        services.AddSingleton(sidecar);
        services.AddSingleton(HopKey.Create());
        services.AddSingleton(new SidecarRegistry(sidecar.Environment.ResolvedRegistryDirectory));
        services.AddSingleton(_ => new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            // daprd does not verify the app's certificate on an https app channel either.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }));
        services.AddSingleton<HttpForwarder>();
        services.AddSingleton<AppChannel>();
        services.AddSingleton<SecretStores>();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<CronBindingService>();
        services.AddGrpc(o => o.Interceptors.Add<ApiTokenInterceptor>());
        services.AddSidecarTelemetry(sidecar);

        var app = builder.Build();
        app.UseMiddleware<ApiTokenMiddleware>();
        app.UseInvocationHeader();
        app.MapHealthApi();
        app.MapMetadataApi();
        app.MapInvocationApi();
        app.MapSecretsApi();
        app.MapGrpcService<DaprRuntimeService>();
        return (app, listeners);
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel level)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.SetMinimumLevel(level);
        // The framework's own request logging is noise in a sidecar unless debugging it.
        logging.AddFilter("Microsoft", level <= LogLevel.Debug ? level : LogLevel.Warning);
        logging.AddFilter("Grpc", level <= LogLevel.Debug ? level : LogLevel.Warning);
    }
}

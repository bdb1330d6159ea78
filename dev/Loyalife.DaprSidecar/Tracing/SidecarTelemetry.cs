using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Loyalife.DaprSidecar.Tracing;

/// <summary>
/// Tracing as daprd does it: incoming <c>traceparent</c> is continued (ASP.NET Core's server span), each
/// outgoing hop gets its own client span written into <c>traceparent</c>, and input bindings start fresh
/// traces. Spans and logs are exported over OTLP only when an endpoint is configured.
/// </summary>
internal static class SidecarTelemetry
{
    public const string SourceName = "Loyalife.DaprSidecar";

    public static readonly ActivitySource Source = new(SourceName);

    public static IServiceCollection AddSidecarTelemetry(this IServiceCollection services, SidecarContext sidecar)
    {
        var serviceName = Environment.GetEnvironmentVariable("OTEL_SERVICE_NAME") is { Length: > 0 } configured
            ? configured
            : $"{sidecar.Options.AppId}-dapr";
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName));
        telemetry.WithTracing(tracing =>
        {
            tracing.AddSource(SourceName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/v1.0/healthz") && !context.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation();
            if (sidecar.Environment.OtlpEndpoint is { } endpoint)
                tracing.AddOtlpExporter(o => o.Endpoint = SignalEndpoint(endpoint, o.Protocol, "v1/traces"));
        });
        // The sidecar's log lines belong in the dashboard beside its spans.
        if (sidecar.Environment.OtlpEndpoint is { } logsEndpoint)
            telemetry.WithLogging(
                logging => logging.AddOtlpExporter(o => o.Endpoint = SignalEndpoint(logsEndpoint, o.Protocol, "v1/logs")),
                options => options.IncludeFormattedMessage = true);
        return services;
    }

    /// <summary>
    /// An endpoint set in code is used as given, so over http/protobuf (the AppHost's dashboard protocol) the
    /// signal's path must be added, as the exporter itself does for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// </summary>
    private static Uri SignalEndpoint(string endpoint, OtlpExportProtocol protocol, string signalPath) =>
        protocol == OtlpExportProtocol.HttpProtobuf ? new Uri($"{endpoint.TrimEnd('/')}/{signalPath}") : new Uri(endpoint);
}

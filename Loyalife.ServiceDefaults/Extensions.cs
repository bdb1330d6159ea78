using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

// Shared wiring for every Loyalife service, kept close to the Aspire template.
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>Activity source and meter name prefix every Loyalife service registers.</summary>
    public const string TelemetryPrefix = "Loyalife.";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer<BearerSecurityScheme>().AddOperationTransformer<SecurityRequirements>().AddOperationTransformer<BodyResponses>());
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryPrefix + "*"))
            .WithTracing(tracing => tracing
                // Grpc.Net.Client: the Dapr SDK's gRPC calls (secret reads); without its span the sidecar's
                // server span would hang off a parent no one exported.
                .AddSource(builder.Environment.ApplicationName, TelemetryPrefix + "*", "Npgsql", "Grpc.Net.Client")
                .AddAspNetCoreInstrumentation(aspnet =>
                    // Probes hit every few seconds; as traces they would bury the runs people look for.
                    aspnet.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    // Mapped in every environment: Azure Container Apps probes /alive (liveness) and /health (readiness),
    // and neither answer carries more than a status word.
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        // The API's description, for developers: /openapi/v1.json in Development only, so a deployment does not map its surface for strangers.
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi();
        }

        return app;
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments(HealthPath) || path.StartsWithSegments(AlivePath);
}

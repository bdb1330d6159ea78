namespace Loyalife.AppHost.Dapr;

public static class DaprSidecarExtensions
{
    /// <summary>
    /// Adds the app's Dapr sidecar <c>{app}-dapr</c> as a child resource (daprd where installed, the local
    /// Dapr-compatible sidecar otherwise; <c>Dapr:Runtime</c> forces either) and gives the app the variables
    /// the Dapr SDK reads. App id = the app's resource name.
    /// </summary>
    public static IResourceBuilder<T> WithDaprSidecar<T>(this IResourceBuilder<T> app)
        where T : class, IResourceWithEndpoints, IResourceWithEnvironment, IResourceWithWaitSupport
    {
        var setup = DaprSetup.For(app.ApplicationBuilder);
        var appId = app.Resource.Name;
        var sidecar = new DaprSidecarResource($"{appId}-dapr", setup.Command, setup.WorkingDirectory, appId, setup.Runtime);
        var appEndpoint = app.Resource.GetEndpoint("http");

        var sidecarBuilder = app.ApplicationBuilder.AddResource(sidecar)
            .WithHttpEndpoint(name: DaprSidecarResource.HttpEndpointName)
            .WithHttpEndpoint(name: DaprSidecarResource.GrpcEndpointName)
            .WithHttpEndpoint(name: DaprSidecarResource.MetricsEndpointName)
            .WithArgs(context =>
            {
                foreach (var argument in setup.LeadingArguments)
                {
                    context.Args.Add(argument);
                }

                context.Args.Add("--app-id");
                context.Args.Add(appId);
                // The app's proxied port: its target port is only known inside the app's own process spec.
                context.Args.Add("--app-port");
                context.Args.Add(appEndpoint.Property(EndpointProperty.Port));
                context.Args.Add("--app-protocol");
                context.Args.Add("http");
                context.Args.Add("--dapr-http-port");
                context.Args.Add(sidecar.HttpEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--dapr-grpc-port");
                context.Args.Add(sidecar.GrpcEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--metrics-port");
                context.Args.Add(sidecar.MetricsEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--resources-path");
                context.Args.Add(setup.ResourcesPath);
                context.Args.Add("--log-level");
                context.Args.Add("info");
            })
            .WithEnvironment("DAPR_API_TOKEN", sidecar.ApiToken)
            .WithEnvironment("APP_API_TOKEN", sidecar.AppApiToken)
            .WithOtlpExporter()
            // daprd's exporter insists on TLS unless told the (local) collector speaks plain http.
            .WithEnvironment("OTEL_EXPORTER_OTLP_INSECURE", "true")
            .WithParentRelationship(app)
            .WithHttpHealthCheck("/v1.0/healthz", statusCode: 204, endpointName: DaprSidecarResource.HttpEndpointName)
            .WithIconName("PlugConnected")
            .WithShownChoice("dapr.runtime", "Dapr runtime", setup.Runtime == DaprRuntime.Daprd ? "daprd" : "local sidecar", setup.Reason)
            // No wait cycle: daprd only reports healthy once the app's port answers, so the app must not wait
            // for its sidecar. The sidecar starts when the app has started (not when it is healthy, in case the
            // app's health ever depends on Dapr) so it is not left polling an app still waiting for PostgreSQL.
            .WaitForStart(app);

        if (setup.Runtime == DaprRuntime.Local)
        {
            sidecarBuilder.WithEnvironment("LOYALIFE_DAPR_REGISTRY", setup.RegistryDirectory);
        }

        return app
            .WithEnvironment("DAPR_HTTP_ENDPOINT", sidecar.HttpEndpoint)
            .WithEnvironment("DAPR_GRPC_ENDPOINT", sidecar.GrpcEndpoint)
            .WithEnvironment("DAPR_HTTP_PORT", sidecar.HttpEndpoint.Property(EndpointProperty.Port))
            .WithEnvironment("DAPR_GRPC_PORT", sidecar.GrpcEndpoint.Property(EndpointProperty.Port))
            .WithEnvironment("DAPR_API_TOKEN", sidecar.ApiToken)
            .WithEnvironment("APP_API_TOKEN", sidecar.AppApiToken);
    }

    /// <summary>
    /// The development secret store: settings-service writes the same JSON file its sidecar's
    /// <c>secretstores.local.file</c> component reads (<c>dapr-secrets.json</c> in the sidecars' working directory).
    /// </summary>
    public static IResourceBuilder<T> WithLocalFileSecretStore<T>(this IResourceBuilder<T> app) where T : IResourceWithEnvironment =>
        app.WithEnvironment("SecretStore__Kind", "LocalFile")
            .WithEnvironment("SecretStore__FilePath", DaprSetup.For(app.ApplicationBuilder).SecretsFile);
}

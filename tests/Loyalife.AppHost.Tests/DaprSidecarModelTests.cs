namespace Loyalife.AppHost.Tests;

public sealed class DaprSidecarModelTests
{
    public static TheoryData<string> Services => new(AppHostModel.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task EachServiceHasASidecarChildWithItsAppIdPortsAndTheRepositorysComponents(string app)
    {
        var model = await AppHostModel.CreateAsync();
        var sidecar = model.Resource<DaprSidecarResource>($"{app}-dapr");
        var arguments = await model.ArgumentsAsync(sidecar.Name);

        var parent = sidecar.Annotations.OfType<ResourceRelationshipAnnotation>().Single(r => r.Type == "Parent");
        Assert.Same(model.Resource(app), parent.Resource);
        Assert.Equal(app, AppHostModel.Flag(arguments, "--app-id"));
        Assert.Equal(AppHostModel.Port(model.Resource(app), "http").ToString(), AppHostModel.Flag(arguments, "--app-port"));
        Assert.Equal(AppHostModel.TargetPort(sidecar, "http").ToString(), AppHostModel.Flag(arguments, "--dapr-http-port"));
        Assert.Equal(AppHostModel.TargetPort(sidecar, "grpc").ToString(), AppHostModel.Flag(arguments, "--dapr-grpc-port"));
        Assert.Equal(AppHostModel.TargetPort(sidecar, "metrics").ToString(), AppHostModel.Flag(arguments, "--metrics-port"));
        var components = AppHostModel.Flag(arguments, "--resources-path");
        Assert.Equal(Path.Combine(AppHostModel.RepositoryRoot, "components"), components);
        Assert.True(File.Exists(Path.Combine(components, "nightly-sync.yaml")));
        Assert.True(File.Exists(Path.Combine(components, "secretstore.yaml")));
        Assert.Equal(model.DataDirectory, sidecar.WorkingDirectory);
    }

    [Fact]
    public async Task TheLocalSidecarRunsFromItsBuildOutputWithOneRegistryPerRun()
    {
        var model = await AppHostModel.CreateAsync();
        var registries = new HashSet<string>();
        foreach (var app in AppHostModel.Services)
        {
            var sidecar = model.Resource<DaprSidecarResource>($"{app}-dapr");
            var arguments = await model.ArgumentsAsync(sidecar.Name);
            var environment = await model.EnvironmentAsync(sidecar.Name);

            Assert.Equal(DaprRuntime.Local, sidecar.Runtime);
            Assert.EndsWith("Loyalife.DaprSidecar.dll", arguments[0]);
            Assert.True(File.Exists(arguments[0]), $"{arguments[0]} should be built with the AppHost");
            Assert.Equal("--app-id", arguments[1]);
            registries.Add(environment["LOYALIFE_DAPR_REGISTRY"]);
            Assert.StartsWith(model.DataDirectory, environment["LOYALIFE_DAPR_REGISTRY"]);
            Assert.Equal("local sidecar", sidecar.Annotations.OfType<ShownChoiceAnnotation>().Single().Value);
        }

        Assert.Single(registries);
    }

    [Fact]
    public async Task ForcingDaprdRunsDaprdWithTheSameFlagsAndNoLocalRegistry()
    {
        var model = await AppHostModel.CreateAsync("--Dapr:Runtime=Daprd");
        var sidecar = model.Resource<DaprSidecarResource>("settings-service-dapr");
        var arguments = await model.ArgumentsAsync(sidecar.Name);
        var environment = await model.EnvironmentAsync(sidecar.Name);

        Assert.Equal(DaprRuntime.Daprd, sidecar.Runtime);
        Assert.Equal("daprd", Path.GetFileName(sidecar.Command));
        Assert.Equal("--app-id", arguments[0]);
        Assert.Equal("settings-service", AppHostModel.Flag(arguments, "--app-id"));
        Assert.DoesNotContain("LOYALIFE_DAPR_REGISTRY", environment.Keys);
        Assert.Equal("daprd", sidecar.Annotations.OfType<ShownChoiceAnnotation>().Single().Value);
    }

    [Fact]
    public async Task TestsMayGiveTheSidecarsTheirOwnComponentsFolder()
    {
        var components = Path.Combine(Path.GetTempPath(), "loyalife-components-" + Guid.NewGuid().ToString("N")[..8]);
        var model = await AppHostModel.CreateAsync($"--Dapr:ResourcesPath={components}");

        foreach (var app in AppHostModel.Services)
        {
            Assert.Equal(components, AppHostModel.Flag(await model.ArgumentsAsync($"{app}-dapr"), "--resources-path"));
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task EachServiceIsToldWhereItsSidecarListensAndSharesItsTokens(string app)
    {
        var model = await AppHostModel.CreateAsync();
        var sidecar = model.Resource<DaprSidecarResource>($"{app}-dapr");
        var appEnvironment = await model.EnvironmentAsync(app);
        var sidecarEnvironment = await model.EnvironmentAsync(sidecar.Name);

        var httpPort = AppHostModel.Port(sidecar, "http");
        var grpcPort = AppHostModel.Port(sidecar, "grpc");
        Assert.Equal($"http://localhost:{httpPort}", appEnvironment["DAPR_HTTP_ENDPOINT"]);
        Assert.Equal($"http://localhost:{grpcPort}", appEnvironment["DAPR_GRPC_ENDPOINT"]);
        Assert.Equal(httpPort.ToString(), appEnvironment["DAPR_HTTP_PORT"]);
        Assert.Equal(grpcPort.ToString(), appEnvironment["DAPR_GRPC_PORT"]);
        Assert.Equal(sidecarEnvironment["DAPR_API_TOKEN"], appEnvironment["DAPR_API_TOKEN"]);
        Assert.Equal(sidecarEnvironment["APP_API_TOKEN"], appEnvironment["APP_API_TOKEN"]);
        Assert.True(appEnvironment["DAPR_API_TOKEN"].Length >= 32);
        Assert.NotEqual(appEnvironment["DAPR_API_TOKEN"], appEnvironment["APP_API_TOKEN"]);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", sidecarEnvironment.Keys);
    }

    [Fact]
    public async Task SidecarsAreCheckedOnDaprsHealthEndpoint()
    {
        var model = await AppHostModel.CreateAsync();

        foreach (var app in AppHostModel.Services)
        {
            var checks = model.Resource($"{app}-dapr").Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key);
            Assert.Contains($"{app}-dapr_http_/v1.0/healthz_204_check", checks);
        }
    }
}

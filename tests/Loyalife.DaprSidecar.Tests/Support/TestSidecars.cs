using Dapr.Client;

namespace Loyalife.DaprSidecar.Tests.Support;

/// <summary>
/// Sidecars for one test, all sharing a registry directory of their own (so concurrent tests never see
/// each other's sidecars), disposed together.
/// </summary>
public sealed class TestSidecars : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> owned = [];

    public TestSidecars(string? apiToken = null, string? appApiToken = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "loyalife-dapr-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Environment = new SidecarEnvironment
        {
            ApiToken = apiToken,
            AppApiToken = appApiToken,
            RegistryDirectory = Path.Combine(Directory, "registry"),
            WorkingDirectory = Directory,
        };
    }

    /// <summary>A scratch directory for this test; also the sidecars' working directory.</summary>
    public string Directory { get; }

    public SidecarEnvironment Environment { get; }

    public async Task<RunningSidecar> StartAsync(string appId, int? appPort = null, params string[] extra)
    {
        string[] args = ["--app-id", appId, "--dapr-http-port", "0", "--dapr-grpc-port", "0", .. extra];
        if (appPort is { } port)
            args = [.. args, "--app-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        var sidecar = await DaprSidecarHost.StartAsync(args, Environment);
        owned.Add(sidecar);
        return sidecar;
    }

    /// <summary>Starts a sidecar that loads the components in <paramref name="resourcesPath"/>.</summary>
    public Task<RunningSidecar> StartWithComponentsAsync(string appId, string resourcesPath, int? appPort = null) =>
        StartAsync(appId, appPort, "--resources-path", resourcesPath);

    /// <summary>Writes a file into the scratch directory, where a secret store's component can point at it.</summary>
    public Task WriteFileAsync(string name, string contents) => File.WriteAllTextAsync(Path.Combine(Directory, name), contents);

    public async Task<TestApp> StartAppAsync(Action<Microsoft.AspNetCore.Builder.WebApplication, System.Collections.Concurrent.ConcurrentQueue<ReceivedRequest>>? map = null)
    {
        var app = await TestApp.StartAsync(map);
        owned.Add(app);
        return app;
    }

    /// <summary>Writes a resources folder with the given component YAML files and answers its path.</summary>
    public string Components(params (string File, string Yaml)[] files)
    {
        var folder = Path.Combine(Directory, "components-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(folder);
        foreach (var (file, yaml) in files)
            File.WriteAllText(Path.Combine(folder, file), yaml);
        return folder;
    }

    public DaprClient Client(RunningSidecar sidecar, string? token = null)
    {
        var client = new DaprClientBuilder()
            .UseHttpEndpoint(sidecar.HttpEndpoint.ToString())
            .UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString())
            .UseDaprApiToken(token ?? Environment.ApiToken)
            .Build();
        owned.Add(new Disposer(client.Dispose));
        return client;
    }

    /// <summary>What the services use: <c>DaprClient.CreateInvokeHttpClient</c> against this sidecar.</summary>
    public HttpClient Invoker(RunningSidecar sidecar, string appId, string? token = null)
    {
        var client = DaprClient.CreateInvokeHttpClient(appId, sidecar.HttpEndpoint.ToString(), token ?? Environment.ApiToken);
        owned.Add(new Disposer(client.Dispose));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
            await owned[i].DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}

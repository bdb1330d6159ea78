using Loyalife.DaprSidecar;
using Loyalife.MoEngageStandIn;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Loyalife.SettingsService.Tests.Support;

/// <summary>
/// settings-service on a real loopback port with its own PostgreSQL database, the MoEngage stand-in, and
/// the local Dapr sidecar (serving the repository's components/secretstore.yaml from a scratch folder);
/// a second sidecar plays the dispatcher's, so internal calls travel sidecar to sidecar as in the AppHost.
/// Every log line is captured and every response body recorded.
/// </summary>
public sealed class SettingsServiceHost : IAsyncDisposable
{
    public const string AdminToken = "admin-token-for-tests-7f3a";
    public const string AppApiToken = "app-api-token-for-tests-91c2";
    public const string DaprApiToken = "dapr-api-token-for-tests-4be0";

    private readonly ServiceHost<Program> service;
    private readonly RunningSidecar sidecar;
    private readonly RunningSidecar dispatcherSidecar;
    private readonly string directory;
    private readonly ConcurrentQueue<string> responses = new();
    private readonly StubHandler recording;
    private int programs;

    private SettingsServiceHost(ServiceHost<Program> service, RunningSidecar sidecar, RunningSidecar dispatcherSidecar,
        RunningStandIn moEngage, string directory, string connectionString, FakeLogCollector logs, Uri appUrl)
    {
        this.service = service;
        this.sidecar = sidecar;
        this.dispatcherSidecar = dispatcherSidecar;
        this.directory = directory;
        MoEngage = moEngage;
        ConnectionString = connectionString;
        Logs = logs;
        AppUrl = appUrl;
        recording = new StubHandler(new HttpClientHandler(), async (request, next, cancellationToken) =>
        {
            var response = await next(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            responses.Enqueue($"{(int)response.StatusCode} {request.Method} {request.RequestUri}: "
                + $"{string.Join(";", response.Headers.Select(h => $"{h.Key}={string.Join(',', h.Value)}"))} {body}");
            return response;
        });
        Admin = Client(AdminToken);
        Anonymous = Client(null);
    }

    public RunningStandIn MoEngage { get; }

    public string ConnectionString { get; }

    /// <summary>The file the sidecar's secretstore reads (secretsFile: dapr-secrets.json, relative to its working directory).</summary>
    public string SecretsFile => Path.Combine(directory, "dapr-secrets.json");

    /// <summary>Every log record the service wrote, at every level (<see cref="FakeLogLines.Lines"/> renders them for leak checks).</summary>
    public FakeLogCollector Logs { get; }

    /// <summary>Every response a test client received (status, headers, body), for leak checks.</summary>
    public IReadOnlyCollection<string> Responses => responses;

    public Uri AppUrl { get; }

    /// <summary>Where the dispatcher's sidecar expects its app; nothing listens there unless a test starts something.</summary>
    public int DispatcherPort { get; private init; }

    /// <summary>A client that sends the admin bearer token.</summary>
    public HttpClient Admin { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => service.Services;

    /// <param name="prepare">Runs before the service starts, with the database's connection string and the secrets file's path.</param>
    public static async Task<SettingsServiceHost> StartAsync(
        IReadOnlyDictionary<string, string?>? overrides = null, Func<string, string, Task>? prepare = null)
    {
        var directory = Directory.CreateTempSubdirectory("settings-host-").FullName;
        var components = Directory.CreateDirectory(Path.Combine(directory, "components")).FullName;
        File.Copy(Path.Combine(Repository.Root, "components", "secretstore.yaml"), Path.Combine(components, "secretstore.yaml"));
        var connectionString = await LedgerDatabase.CreateAsync();
        if (prepare is not null)
        {
            await prepare(connectionString, Path.Combine(directory, "dapr-secrets.json"));
        }

        var moEngage = await MoEngageStandInHost.StartAsync();

        // The sidecar must know the app's port before the app starts, and the app the sidecar's endpoints.
        var appPort = FreePort.Next();
        var environment = new SidecarEnvironment
        {
            ApiToken = DaprApiToken,
            AppApiToken = AppApiToken,
            RegistryDirectory = Path.Combine(directory, "registry"),
            WorkingDirectory = directory,
        };
        var sidecar = await DaprSidecarHost.StartAsync(
            ["--app-id", "settings-service", "--app-port", appPort.ToString(), "--dapr-http-port", "0", "--dapr-grpc-port", "0", "--resources-path", components],
            environment);
        var dispatcherPort = FreePort.Next();
        var dispatcherSidecar = await DaprSidecarHost.StartAsync(
            ["--app-id", "moengage-dispatcher", "--app-port", dispatcherPort.ToString(), "--dapr-http-port", "0", "--dapr-grpc-port", "0"],
            environment);

        var logs = new FakeLogCollector();
        var settings = new ServiceSettings(connectionString, AppApiToken)
        {
            AdminToken = AdminToken,
            DaprApiToken = DaprApiToken,
            DaprGrpcEndpoint = sidecar.GrpcEndpoint.ToString(),
            DaprHttpEndpoint = sidecar.HttpEndpoint.ToString(),
        }.ToDictionary().With(new Dictionary<string, string?>
        {
            ["SecretStore:Kind"] = "LocalFile",
            ["SecretStore:FilePath"] = Path.Combine(directory, "dapr-secrets.json"),
            ["MoEngage:ApiBaseUrl"] = moEngage.ApiBaseUrlTemplate,
            ["MoEngage:TestConnectionTimeout"] = "00:00:03",
            ["MoEngage:GetUserTimeout"] = "00:00:03",
        }).With(overrides);

        var service = new ServiceHost<Program>(appPort, settings, web =>
            web.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace)));
        try
        {
            service.Start();
        }
        catch
        {
            // Clean up without letting a clean-up error hide why the start failed.
            foreach (var resource in new IAsyncDisposable[] { service, dispatcherSidecar, sidecar, moEngage })
            {
                try
                {
                    await resource.DisposeAsync();
                }
                catch (Exception)
                {
                }
            }

            throw;
        }

        return new SettingsServiceHost(service, sidecar, dispatcherSidecar, moEngage, directory, connectionString, logs, new Uri($"http://127.0.0.1:{appPort}"))
        {
            DispatcherPort = dispatcherPort,
        };
    }

    /// <summary>A program of its own for one test, so tests sharing a host do not see each other's settings.</summary>
    public async Task<string> NewProgramAsync()
    {
        var programId = $"program-{Interlocked.Increment(ref programs)}";
        await LedgerDatabase.AddProgramAsync(ConnectionString, programId);
        return programId;
    }

    /// <summary>An admin's save of <paramref name="programId"/>'s MoEngage integration.</summary>
    public Task<HttpResponseMessage> SaveMoEngageAsync(string programId, object body) =>
        Admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId), body);

    /// <summary>A program of its own (<see cref="NewProgramAsync"/>) and a MoEngage workspace to point it at.</summary>
    public async Task<string> NewProgramWithWorkspaceAsync(string appId, string dataCenter, string apiKey, bool getUser = true)
    {
        var programId = await NewProgramAsync();
        await AddWorkspaceAsync(appId, dataCenter, apiKey, getUser);
        return programId;
    }

    /// <summary>A refused save left nothing behind: no settings, no secret.</summary>
    public async Task AssertNothingSavedAsync(string programId)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);
        Assert.DoesNotContain(Support.SecretsFile.Read(SecretsFile).Keys, name => name.StartsWith(SecretNames.ForProgram(programId)));
    }

    /// <summary>
    /// Creates (or replaces) a MoEngage workspace in the stand-in; <paramref name="getUser"/> false is a workspace
    /// for which MoEngage support has not enabled the Get User API.
    /// </summary>
    public async Task AddWorkspaceAsync(string appId, string dataCenter, string apiKey, bool getUser = true)
    {
        var response = await MoEngage.Control.PutAsJsonAsync($"/control/workspaces/{appId}", new { dataCenter, apiKey, getUser = new { enabled = getUser } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// A call as the dispatcher makes it: to its own sidecar, which finds settings-service's sidecar and that
    /// one adds the app token. <paramref name="record"/> false keeps credentials out of <see cref="Responses"/>.
    /// </summary>
    public HttpClient ThroughDapr(bool record = true) =>
        new(new DaprInvocationHandler(dispatcherSidecar.HttpEndpoint, DaprApiToken, record ? recording : new HttpClientHandler()), disposeHandler: false)
        {
            BaseAddress = dispatcherSidecar.HttpEndpoint,
        };

    public HttpClient Client(string? bearer)
    {
        var client = new HttpClient(recording, disposeHandler: false) { BaseAddress = AppUrl };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await service.DisposeAsync();
        await dispatcherSidecar.DisposeAsync();
        await sidecar.DisposeAsync();
        await MoEngage.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}

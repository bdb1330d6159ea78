using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalife.SettingsService.Tests.Infrastructure;

/// <summary>
/// settings-service on a real port with its own PostgreSQL database, secrets file, MoEngage stand-in and
/// Dapr sidecar, every log line captured and every response body recorded.
/// </summary>
public sealed class SettingsServiceHost : IAsyncDisposable
{
    public const string AdminToken = "admin-token-for-tests-7f3a";
    public const string AppApiToken = "app-api-token-for-tests-91c2";
    public const string DaprApiToken = "dapr-api-token-for-tests-4be0";

    private readonly WebApplicationFactory<Program> factory;
    private readonly FakeDaprSidecar dapr;
    private readonly string directory;
    private int programs;

    private SettingsServiceHost(WebApplicationFactory<Program> factory, FakeDaprSidecar dapr, FakeMoEngage moEngage, string directory,
        string connectionString, CapturedLogs logs, Uri appUrl)
    {
        this.factory = factory;
        this.dapr = dapr;
        this.directory = directory;
        MoEngage = moEngage;
        ConnectionString = connectionString;
        Logs = logs;
        AppUrl = appUrl;
        Admin = Client(AdminToken);
        Anonymous = Client(null);
    }

    public FakeMoEngage MoEngage { get; }

    public string ConnectionString { get; }

    public string SecretsFile => Path.Combine(directory, "dapr-secrets.json");

    public CapturedLogs Logs { get; }

    public RecordingHandler Responses { get; } = new();

    public Uri AppUrl { get; }

    /// <summary>A client that sends the admin bearer token.</summary>
    public HttpClient Admin { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => factory.Services;

    public static async Task<SettingsServiceHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var directory = Directory.CreateTempSubdirectory("settings-host-").FullName;
        var connectionString = await LedgerDatabase.CreateAsync();
        var moEngage = await FakeMoEngage.StartAsync();
        var secretsFile = Path.Combine(directory, "dapr-secrets.json");
        var dapr = await FakeDaprSidecar.StartAsync(secretsFile, DaprApiToken);
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = connectionString,
            ["Admin:Token"] = AdminToken,
            ["APP_API_TOKEN"] = AppApiToken,
            ["DAPR_API_TOKEN"] = DaprApiToken,
            ["DAPR_GRPC_ENDPOINT"] = dapr.GrpcEndpoint.ToString(),
            ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["SecretStore:Kind"] = "LocalFile",
            ["SecretStore:FilePath"] = secretsFile,
            ["MoEngage:ApiBaseUrl"] = moEngage.ApiBaseUrlTemplate,
            ["MoEngage:TestConnectionTimeout"] = "00:00:03",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        });
        // An explicit loopback port: the sidecar must know it, and nothing may fall back to a default port.
        var appPort = FreePort.Next();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, appPort));
        factory.StartServer();
        return new SettingsServiceHost(factory, dapr, moEngage, directory, connectionString, logs, new Uri($"http://127.0.0.1:{appPort}"));
    }

    /// <summary>A program of its own for one test, so tests sharing a host do not see each other's settings.</summary>
    public async Task<string> NewProgramAsync()
    {
        var programId = $"program-{Interlocked.Increment(ref programs)}";
        await LedgerDatabase.AddProgramAsync(ConnectionString, programId);
        return programId;
    }

    /// <summary>Creates (or replaces) a MoEngage workspace in the stand-in.</summary>
    public async Task AddWorkspaceAsync(string appId, string dataCenter, string apiKey)
    {
        var response = await MoEngage.Control.PutAsJsonAsync($"/control/workspaces/{appId}", new { dataCenter, apiKey });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A call as the dispatcher makes it: through Dapr, which adds the app token.</summary>
    public HttpClient ThroughDapr()
    {
        var client = Client(null);
        client.DefaultRequestHeaders.Add("dapr-api-token", AppApiToken);
        return client;
    }

    public HttpClient Client(string? bearer)
    {
        var client = new HttpClient(Responses, disposeHandler: false) { BaseAddress = AppUrl };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await dapr.DisposeAsync();
        await MoEngage.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}

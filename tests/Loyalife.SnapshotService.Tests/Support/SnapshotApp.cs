extern alias demoledger;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using LedgerSchema = demoledger::Loyalife.DemoLedger.Ledger.LedgerSchema;

namespace Loyalife.SnapshotService.Tests.Support;

/// <summary>
/// The service in-process against its own fresh database on the shared throwaway PostgreSQL, with a
/// fake clock and the Dapr app token set; <see cref="Client"/> sends the token like a sidecar would.
/// </summary>
public sealed class SnapshotApp : IAsyncDisposable
{
    public const string Token = "test-app-token";

    private SnapshotApp(ServiceHost<Program> host, string connectionString, FakeTimeProvider time)
    {
        Host = host;
        ConnectionString = connectionString;
        Time = time;
        Client = host.CreateClient();
        Client.DefaultRequestHeaders.Add("dapr-api-token", Token);
    }

    public ServiceHost<Program> Host { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    /// <summary>Writes ledger rows into this app's database.</summary>
    public LedgerWriter Ledger => new(ConnectionString);

    /// <summary>An app whose ledger holds one program and one member M1 (reference C1, enrolled 2025-01-01).</summary>
    public static async Task<SnapshotApp> StartWithMemberAsync(string now, string zone, params string[] tiers)
    {
        var app = await StartAsync(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        await app.Ledger.ProgramAsync("p", zone, tiers);
        await app.Ledger.MemberAsync("p", "M1", "C1", "2025-01-01T00:00:00Z");
        return app;
    }

    /// <param name="createSchema">false leaves the database without the ledger schema.</param>
    /// <param name="readerRole">The service connects as this new role, which may only read the ledger (no pg_read_all_stats).</param>
    public static async Task<SnapshotApp> StartAsync(
        DateTimeOffset now, bool createSchema = true, IReadOnlyDictionary<string, string?>? settings = null, string? readerRole = null)
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync();
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            if (createSchema)
            {
                await LedgerSchema.CreateAsync(dataSource);
            }

            if (readerRole is not null)
            {
                await using var grant = dataSource.CreateCommand(
                    $"CREATE ROLE {readerRole} LOGIN; GRANT USAGE ON SCHEMA loyalty TO {readerRole}; GRANT SELECT ON ALL TABLES IN SCHEMA loyalty TO {readerRole}");
                await grant.ExecuteNonQueryAsync();
            }
        }

        var time = new FakeTimeProvider(now);
        var serviceConnection = readerRole is null ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { Username = readerRole }.ConnectionString;
        var configuration = new ServiceSettings(serviceConnection, Token).ToDictionary().With(settings);

        var host = new ServiceHost<Program>(port: null, configuration, web =>
            web.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time))));
        host.Start();
        var app = new SnapshotApp(host, connectionString, time);
        return app;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every item of a snapshot, following "next" until it is null.</summary>
    public async Task<List<JsonElement>> GetAllAsync(string path, int limit)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await GetJsonAsync($"{path}?limit={limit}" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        return items;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
    }
}

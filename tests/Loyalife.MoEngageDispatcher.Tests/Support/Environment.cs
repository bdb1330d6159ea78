using Loyalife.MoEngageStandIn;

namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>What every engine test needs: a fresh database, the shared Redis, the fake Dapr endpoint and the stand-in.</summary>
public sealed class Environment : IAsyncLifetime
{
    public string Database { get; private set; } = "";

    public string Redis { get; private set; } = "";

    public FakeDapr Dapr { get; private set; } = null!;

    public RunningStandIn StandIn { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = await PostgresServer.Shared;
        Database = await postgres.CreateDatabaseAsync();
        Redis = (await RedisServer.Shared).ConnectionString;
        Dapr = await FakeDapr.StartAsync();
        StandIn = await MoEngageStandInHost.StartAsync();
    }

    /// <param name="port">null runs it in memory; 0 on a free loopback port.</param>
    public DispatcherApp Dispatcher(TimeProvider? clock = null, IDictionary<string, string?>? settings = null, int? port = null) =>
        new(Database, Redis, Dapr, clock, settings, port);

    /// <summary>A program with its own stand-in workspace, named uniquely so tests never share Redis keys.</summary>
    public async Task<FakeProgram> ProgramAsync(int members, int events, System.Text.Json.Nodes.JsonObject? limits = null,
        System.Text.Json.Nodes.JsonObject? faults = null, string timeZone = "Europe/Amsterdam", IEnumerable<string>? customers = null)
    {
        var id = "p" + Guid.NewGuid().ToString("N")[..8];
        var program = StandIn.Program(id, "app-" + id, "key-" + id, members, events);
        program = new FakeProgram
        {
            ProgramId = program.ProgramId, AppId = program.AppId, ApiKey = program.ApiKey, ApiBaseUrl = program.ApiBaseUrl,
            Members = program.Members, Events = program.Events, SkippedMembers = program.SkippedMembers, TimeZone = timeZone,
        };
        await StandIn.PutWorkspaceAsync(program.AppId, program.ApiKey, limits, faults, customers);
        return Dapr.Add(program);
    }

    public async Task DisposeAsync()
    {
        await StandIn.DisposeAsync();
        await Dapr.DisposeAsync();
    }
}

extern alias demoledger;
using demoledger::Loyalife.DemoLedger;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalife.SnapshotService.Tests.Support;

/// <summary>The service over a ledger the demo ledger generated: the schema and the three demo programs.</summary>
public sealed class DemoLedger : IAsyncLifetime
{
    public const int Members = 300;
    public const int Seed = 7;
    public const string ClosedDay = "2026-11-27";
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-28T06:00:00Z");

    public SnapshotApp App { get; private set; } = null!;

    /// <summary>Generates the demo programs into the database of <paramref name="connectionString"/>.</summary>
    public static async Task GenerateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoDataGenerator(dataSource, NullLogger.Instance).GenerateAsync(DemoProgram.All, Members, Seed, Now, CancellationToken.None);
    }

    public async Task InitializeAsync()
    {
        App = await SnapshotApp.StartAsync(Now, createSchema: false);
        await GenerateAsync(App.ConnectionString);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

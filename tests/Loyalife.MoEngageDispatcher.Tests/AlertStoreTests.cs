using Loyalife.ServiceDefaults.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class AlertStoreTests
{
    [Fact]
    public async Task RoutingReadsTheTargetsBeforeItLocksAnyAlert()
    {
        await using var database = NpgsqlDataSource.Create(await (await PostgresServer.Shared).CreateDatabaseAsync());
        await new SchemaMigrator(database, "dispatch", MigrationScript.Load(typeof(AlertStore).Assembly), TimeProvider.System,
            NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new AlertStore(database, TimeProvider.System);
        var raised = await store.ObserveAsync("program-a", _ => [new AlertObservation(AlertCondition.RunFailed, true, null, "the run failed", new JsonObject())],
            (_, _, _) => new JsonObject(), CancellationToken.None);
        var alertId = Assert.Single(raised);

        var lockedWhileReading = new List<bool>();
        await store.RouteAsync(async programId =>
        {
            // Another replica's view while the targets are read (a Dapr call that may take long): no row held.
            await using var probe = database.CreateCommand("SELECT alert_id FROM dispatch.alerts WHERE alert_id = @id FOR UPDATE NOWAIT");
            probe.Parameters.AddWithValue("id", alertId);
            try
            {
                await probe.ExecuteScalarAsync();
                lockedWhileReading.Add(false);
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                lockedWhileReading.Add(true);
            }

            return [new AlertTarget("target-1", "https://hooks.example/alerts", null)];
        }, CancellationToken.None);

        Assert.Equal([false], lockedWhileReading);
        var delivery = Assert.Single(await store.ListAsync("program-a", 10, CancellationToken.None));
        Assert.Equal(("target-1", DeliveryState.Pending, AlertCondition.RunFailed), (delivery.TargetId, delivery.State, delivery.Kind));
    }
}

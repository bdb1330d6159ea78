using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalife.ServiceDefaults.Tests;

public sealed class SchemaMigratorTests
{
    private static readonly MigrationScript First = new(1, "first", "CREATE TABLE mig.items (id integer PRIMARY KEY);");
    private static readonly MigrationScript Second = new(2, "second", "ALTER TABLE mig.items ADD COLUMN label text NULL;");

    private static SchemaMigrator Migrator(NpgsqlDataSource database, params MigrationScript[] scripts) =>
        new(database, "mig", scripts, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    private static async Task<NpgsqlDataSource> NewDatabaseAsync(PostgresServer? server = null)
    {
        server ??= await PostgresServer.Shared;
        return NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
    }

    private static async Task<List<(int Version, string Name)>> VersionsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT version, name FROM mig.schema_versions ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<(int, string)>();
        while (await reader.ReadAsync())
        {
            versions.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return versions;
    }

    [Fact]
    public async Task AppliesEveryScriptInOrderAndRecordsEach()
    {
        await using var database = await NewDatabaseAsync();

        var applied = await Migrator(database, First, Second).MigrateAsync(CancellationToken.None);

        Assert.Equal([1, 2], applied);
        Assert.Equal([(1, "first"), (2, "second")], await VersionsAsync(database));
        await using var insert = database.CreateCommand("INSERT INTO mig.items (id, label) VALUES (1, 'x')");
        await insert.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task ASecondStartAppliesNothing()
    {
        await using var database = await NewDatabaseAsync();
        await Migrator(database, First, Second).MigrateAsync(CancellationToken.None);

        var applied = await Migrator(database, First, Second).MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Equal(2, (await VersionsAsync(database)).Count);
    }

    [Fact]
    public async Task ANewScriptRunsAloneOnADatabaseThatHasTheOlderOnes()
    {
        await using var database = await NewDatabaseAsync();
        await Migrator(database, First).MigrateAsync(CancellationToken.None);
        await using (var insert = database.CreateCommand("INSERT INTO mig.items (id) VALUES (7)"))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var applied = await Migrator(database, First, Second).MigrateAsync(CancellationToken.None);

        Assert.Equal([2], applied);
        await using var count = database.CreateCommand("SELECT count(*) FROM mig.items WHERE id = 7 AND label IS NULL");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task ReplicasStartingTogetherApplyEachScriptOnce()
    {
        await using var database = await NewDatabaseAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => Migrator(database, First, Second).MigrateAsync(CancellationToken.None))));

        Assert.Equal([1, 2], results.SelectMany(applied => applied).Order());
        Assert.Equal(2, (await VersionsAsync(database)).Count);
    }

    [Fact]
    public async Task AFailingScriptLeavesTheSchemaAsItWasAndStopsTheStart()
    {
        await using var database = await NewDatabaseAsync();
        await Migrator(database, First).MigrateAsync(CancellationToken.None);
        var broken = new MigrationScript(3, "broken", "ALTER TABLE mig.no_such_table ADD COLUMN x text;");

        await Assert.ThrowsAsync<PostgresException>(() => Migrator(database, First, Second, broken).MigrateAsync(CancellationToken.None));

        Assert.Equal([(1, "first")], await VersionsAsync(database));
        await using var column = database.CreateCommand(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'mig' AND column_name = 'label'");
        Assert.Equal(0L, await column.ExecuteScalarAsync());
    }

    [Fact]
    public async Task WaitsForAPostgreSqlThatIsNotReachableYet()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var database = await NewDatabaseAsync(server);
        await server.CrashAsync();

        var migrating = Migrator(database, First).MigrateAsync(CancellationToken.None);
        // Started while the server is down: the first attempts are refused, and the migrator keeps trying.
        await server.RestartAsync();

        Assert.Equal([1], await migrating);
    }

    [Fact]
    public void ASchemaNameThatIsNotPlainIsRefused()
    {
        using var database = NpgsqlDataSource.Create("Host=127.0.0.1");

        Assert.Throws<ArgumentException>(() =>
            new SchemaMigrator(database, "x; DROP TABLE y", [First], TimeProvider.System, NullLogger<SchemaMigrator>.Instance));
    }
}

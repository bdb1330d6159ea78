using System.Reflection;
using Loyalife.MoEngageDispatcher.Runs;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Loyalife.ServiceDefaults.Tests;

/// <summary>The real scripts of every service that owns tables.</summary>
public sealed class ServiceSchemaTests
{
    public static TheoryData<string, string, string> Services => new()
    {
        {
            "settings", "settings",
            """
            INSERT INTO settings.moengage_integrations
                (program_id, enabled, app_id, dashboard_url, data_center, secret_name, api_key_hint, created_at, updated_at, updated_by)
            VALUES ('p1', true, 'APP', 'https://dashboard-01.moengage.com', '01', 'moengage-p1', '1234', now(), now(), 'admin');
            SELECT count(*) FROM settings.moengage_integrations WHERE program_id = 'p1';
            """
        },
        {
            "dispatch", "dispatch",
            """
            INSERT INTO dispatch.synced_days (program_id, business_date, run_id, synced_at)
            VALUES ('p1', DATE '2026-11-30', gen_random_uuid(), now());
            SELECT count(*) FROM dispatch.synced_days WHERE program_id = 'p1';
            """
        },
    };

    private static Assembly ScriptsOf(string schema) => schema switch
    {
        "settings" => typeof(SettingsService.Extensions).Assembly,
        _ => typeof(RunStore).Assembly,
    };

    [Theory]
    [MemberData(nameof(Services))]
    public void TheScriptsAreEmbeddedAndStartWith0001NamedAfterTheSchema(string schema, string firstName, string _)
    {
        var scripts = MigrationScript.Load(ScriptsOf(schema));

        Assert.Equal((1, firstName), (scripts[0].Version, scripts[0].Name));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task ADatabaseCreatedBeforeNumberedMigrationsIsAdoptedWithItsRowsKept(string schema, string _, string seedAndCount)
    {
        var scripts = MigrationScript.Load(ScriptsOf(schema));
        await using var database = NpgsqlDataSource.Create(await (await PostgresServer.Shared).CreateDatabaseAsync());
        // What the start-up runners of earlier builds left: the 0001 tables (same statements), a row, no versions table.
        await using (var earlier = database.CreateCommand(scripts[0].Sql + seedAndCount))
        {
            Assert.Equal(1L, await earlier.ExecuteScalarAsync());
        }

        var applied = await new SchemaMigrator(database, schema, scripts, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, scripts.Count), applied);
        await using var count = database.CreateCommand(seedAndCount[seedAndCount.IndexOf("SELECT", StringComparison.Ordinal)..]);
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        await using var version = database.CreateCommand($"SELECT max(version) FROM {schema}.schema_versions");
        Assert.Equal(scripts[^1].Version, await version.ExecuteScalarAsync());
    }
}

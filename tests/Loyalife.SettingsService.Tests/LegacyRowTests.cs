using Loyalife.Domain.MoEngage;
using Npgsql;

namespace Loyalife.SettingsService.Tests;

/// <summary>A program saved before attribute names, unknown members and the Get User check existed, when it kept a key hint.</summary>
public sealed class LegacyRowTests
{
    private const string ApiKey = "LegacyKey0123WXYZ";

    [Fact]
    public async Task AnExistingRowReadsAsVerifyWithDefaultNamesAndLosesItsKeyHint()
    {
        var secretName = SecretNames.NewVersion("demo");
        await using var host = await SettingsServiceHost.StartAsync(prepare: async (connectionString, secretsFile) =>
        {
            await File.WriteAllTextAsync(secretsFile, JsonSerializer.Serialize(new Dictionary<string, string> { [secretName] = ApiKey }));
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            // The table as settings-service created it until then, with the key's last four characters in it.
            await using (var create = new NpgsqlCommand("""
                CREATE SCHEMA settings;
                CREATE TABLE settings.moengage_integrations (
                    program_id text PRIMARY KEY, enabled boolean NOT NULL, app_id text NOT NULL, dashboard_url text NOT NULL,
                    data_center text NOT NULL, secret_name text NOT NULL, api_key_hint text NOT NULL, workspace_name text NULL,
                    verified_at timestamptz NULL, created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, updated_by text NOT NULL);
                """, connection))
            {
                await create.ExecuteNonQueryAsync();
            }

            await using var command = new NpgsqlCommand("""
                INSERT INTO settings.moengage_integrations VALUES
                    ('demo', true, 'APPLEGACY1', 'https://dashboard-01.moengage.com', '01', $1, 'WXYZ', 'Legacy', now(), now(), now(), 'admin-token');
                """, connection);
            command.Parameters.AddWithValue(secretName);
            await command.ExecuteNonQueryAsync();
        });

        var get = await host.Admin.GetAsync(SettingsPaths.MoEngage("demo"));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var view = await Json.ReadAsync(get);
        Assert.Equal("verify", view.Text("unknownMembers"));
        Assert.Equal(JsonValueKind.Null, view.GetProperty("getUserAvailable").ValueKind);
        Assert.Equal(AttributeNaming.Effective(null), view.GetProperty("attributeNames").Deserialize<Dictionary<string, string>>());
        Assert.Equal(ApiKeyMask.Dots + "WXYZ", view.Text("apiKeyMasked"));

        var credentials = await Json.ReadAsync(await host.ThroughDapr(record: false).GetAsync(SettingsPaths.Credentials("demo")));
        Assert.Equal((ApiKey, "verify"), (credentials.Text("apiKey"), credentials.Text("unknownMembers")));
        Assert.Equal(AttributeNaming.Effective(null), credentials.GetProperty("attributeNames").Deserialize<Dictionary<string, string>>());

        var rows = await LedgerDatabase.DumpAsync(host.ConnectionString);
        Assert.Contains(rows, row => row.Contains("APPLEGACY1"));
        Assert.DoesNotContain(rows, row => row.Contains("WXYZ"));
        Assert.Empty(await ColumnsAsync(host.ConnectionString, "api_key_hint"));
    }

    private static async Task<List<string>> ColumnsAsync(string connectionString, string name)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_schema || '.' || table_name FROM information_schema.columns WHERE column_name = $1", connection);
        command.Parameters.AddWithValue(name);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

namespace Loyalife.SettingsService.Tests;

/// <summary>
/// A whole admin session (create, read, reject, invalid input, verify, rotate, export, audit, delete) while every
/// log line, span, response body and database row is kept; then no API key may appear in any of them. The
/// only answer allowed to carry a key is the dispatcher's credentials read through Dapr, read here through Dapr on a
/// client that does not record. No table may hold even four characters of a key.
/// </summary>
public sealed class SecretLeakTests
{
    private const string FirstKey = "LeakKeyAlpha7Q2w9E4r";
    private const string RejectedKey = "LeakKeyWrongZ8x6C3v1";
    private const string InvalidKey = "LeakKeyInvalid\tM4n6B";
    private const string RotatedKey = "LeakKeyBravo5T1y8U0i";

    [Fact]
    public async Task NoApiKeyAppearsInLogsSpansResponsesExportsOrDatabaseRows()
    {
        using var spans = new CapturedSpans();
        await using var host = await SettingsServiceHost.StartAsync();
        var kept = await host.NewProgramAsync();
        var deleted = await host.NewProgramAsync();
        await host.AddWorkspaceAsync("APPLEAK01", "02", FirstKey);
        var admin = host.Admin;
        using var dispatcher = host.ThroughDapr(record: false);

        foreach (var programId in new[] { kept, deleted })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId), Body(FirstKey))).StatusCode);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId), Body(RejectedKey))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId), Body(InvalidKey))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId), Body(RejectedKey) with { DashboardUrl = "http://dashboard-02.moengage.com" })).StatusCode);
            await admin.GetAsync(SettingsPaths.MoEngage(programId));
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(SettingsPaths.MoEngage(programId) + "/verify", null)).StatusCode);
            Assert.Equal(FirstKey, (await Json.ReadAsync(await dispatcher.GetAsync(SettingsPaths.Credentials(programId)))).Text("apiKey"));
        }

        await host.AddWorkspaceAsync("APPLEAK01", "02", RotatedKey);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync(SettingsPaths.MoEngage(kept) + "/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(SettingsPaths.MoEngage(kept), Body(RotatedKey))).StatusCode);
        Assert.Equal(RotatedKey, (await Json.ReadAsync(await dispatcher.GetAsync(SettingsPaths.Credentials(kept)))).Text("apiKey"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(SettingsPaths.MoEngage(deleted))).StatusCode);
        await admin.GetAsync(SettingsPaths.MoEngage(kept) + "/audit");
        await admin.GetAsync(SettingsPaths.MoEngage(deleted) + "/audit");
        await admin.GetAsync(SettingsPaths.MoEngage(kept) + "/sync-runs");
        await host.ThroughDapr().GetAsync(SettingsPaths.EnabledPrograms);
        var export = await (await admin.GetAsync(SettingsPaths.Export)).Content.ReadAsStringAsync();
        var rows = await LedgerDatabase.DumpAsync(host.ConnectionString);

        Assert.Contains(rows, row => row.Contains("APPLEAK01"));
        Assert.Contains(host.Logs.Lines(), line => line.Contains("Test Connection", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines(), line => line.Contains("Authorization", StringComparison.Ordinal));
        foreach (var secret in new[] { FirstKey, RejectedKey, InvalidKey, RotatedKey }.SelectMany(Forms))
        {
            AssertAbsent(secret, "log line", host.Logs.Lines());
            AssertAbsent(secret, "span", spans.Spans);
            AssertAbsent(secret, "response", host.Responses);
            AssertAbsent(secret, "export", [export]);
            AssertAbsent(secret, "database row", rows);
        }

        // Not even a part of a key: the masked view's last four characters come from the secret store, not from a table.
        foreach (var fragment in new[] { FirstKey, RejectedKey, RotatedKey }.SelectMany(Fragments))
        {
            AssertAbsent(fragment, "database row (as a fragment)", rows);
        }
    }

    // Every run of four characters of the key, the length of the masked view's hint.
    private static IEnumerable<string> Fragments(string key) => Enumerable.Range(0, key.Length - 3).Select(start => key.Substring(start, 4));

    private static Settings Body(string apiKey) => new(true, "APPLEAK01", apiKey, "https://dashboard-02.moengage.com");

    // The key as sent: plain, in a Basic credential, and the part of an invalid key a validator might trim.
    private static IEnumerable<string> Forms(string key) =>
        [key, Convert.ToBase64String(Encoding.UTF8.GetBytes($"APPLEAK01:{key}")), key.Split('\t')[0]];

    private static void AssertAbsent(string secret, string where, IEnumerable<string> texts)
    {
        var leak = texts.FirstOrDefault(text => text.Contains(secret, StringComparison.Ordinal));
        Assert.True(leak is null, $"The API key leaked into a {where}: {leak}");
    }

    private sealed record Settings(bool Enabled, string AppId, string ApiKey, string DashboardUrl);
}

namespace Loyalife.SettingsService.Tests;

public sealed class SyncRunsTests
{
    [Fact]
    public async Task TheAdminPageReadsSyncRunsFromTheDispatcherThroughDaprWithTheAdminsCredentials()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        var path = SettingsPaths.MoEngage("demo") + "/sync-runs";
        Assert.Equal(HttpStatusCode.BadGateway, (await host.Admin.GetAsync(path)).StatusCode);

        // A dispatcher that, like the real one, answers its admin endpoint only to an admin (through Dapr).
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
            app.MapGet("/v1/programs/{programId}/sync-runs", (string programId) =>
                Results.Json(new[] { new { runId = "run-1", programId, status = "succeeded" } })));

        var response = await host.Admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runs = await Json.ReadAsync(response);
        Assert.Equal("run-1", runs[0].Text("runId"));
        Assert.Equal("demo", runs[0].Text("programId"));
    }
}

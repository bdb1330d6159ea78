namespace Loyalife.Reliability.Tests;

[Trait("Suite", "System")]
public sealed class CredentialTests
{
    [Fact]
    public async Task ARunAfterTheKeyWasRotatedSendsWithTheNewKey()
    {
        await using var system = await LoyalifeSystem.StartAsync();
        var date = LoyalifeSystem.Yesterday;
        await system.ConnectWorkspaceAsync("rotating-app", "old-key");
        await system.RunToSuccessAsync(date, TimeSpan.FromSeconds(60));

        // MoEngage now knows only the new key; the workspace starts empty so the second run's delivery is visible.
        await system.ConnectWorkspaceAsync("rotating-app", "new-key");

        var second = await system.RunToSuccessAsync(date, TimeSpan.FromSeconds(60));
        var stats = await system.StandIn.Control.GetFromJsonAsync<JsonElement>("/control/workspaces/rotating-app/stats");
        Assert.Equal(0, stats.GetProperty("rejectedRequests").GetInt64());
        var snapshot = await Snapshot.ReadAsync(system, date);
        (await Workspace.ReadAsync(system.StandIn, "rotating-app", snapshot.Members.Keys)).AssertDelivered(snapshot, second.PossibleDuplicateEvents);
    }

    [Fact]
    public async Task ARunWhoseIntegrationIsDisabledMidwayStopsAndSaysSo()
    {
        await using var system = await LoyalifeSystem.StartAsync(dispatcherSettings: new Dictionary<string, string?> { ["MoEngage:MaxConcurrentRequests"] = "1" });
        await system.ConnectWorkspaceAsync("disabled-app", "disabled-key", new { slowRate = 1.0, slowMilliseconds = 300, seed = 5 });
        var runId = await system.StartRunAsync(LoyalifeSystem.Yesterday);
        await Wait.UntilAsync(() => system.RunAsync(runId), run => run.MembersSent > 0 || run.Finished, TimeSpan.FromSeconds(30), run => $"run never got going: {run}");

        await system.ConfigureIntegrationAsync("disabled-app", apiKey: null, enabled: false);
        var stopped = await system.WaitForRunAsync(runId, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", stopped.Status);
        Assert.Contains("disabled", stopped.Reason);
        var requests = (await system.StandIn.Control.GetFromJsonAsync<JsonElement>("/control/workspaces/disabled-app/stats")).GetProperty("requests").GetInt64();
        Assert.True(stopped.MembersSent < (await Snapshot.ReadAsync(system, LoyalifeSystem.Yesterday)).Members.Count, $"the run was not stopped mid-way: {stopped}");
        // Cleanly stopped: ticks send nothing more for a disabled program.
        await system.TickAsync();
        await Task.Delay(1000);
        Assert.Equal(requests, (await system.StandIn.Control.GetFromJsonAsync<JsonElement>("/control/workspaces/disabled-app/stats")).GetProperty("requests").GetInt64());
    }
}

namespace Loyalife.Reliability.Tests;

[Trait("Suite", "System")]
public sealed class DependencyOutageTests
{
    [Theory]
    [InlineData("settings-service")]
    [InlineData("settings-service sidecar")]
    [InlineData("snapshot-service")]
    [InlineData("redis")]
    [InlineData("postgresql")]
    public async Task ARunWhoseDependencyGoesDownMidwayFailsOrPausesAndCompletesOnALaterTickWithNothingLost(string dependency)
    {
        await using var redis = await RedisServer.StartAsync();
        // Only this case needs a cluster it may stop; the others take a database of the shared one.
        await using var postgres = dependency == "postgresql" ? await PostgresServer.StartAsync() : null;
        var database = postgres is null ? null : await postgres.CreateDatabaseAsync();
        await using var system = await LoyalifeSystem.StartAsync(database, redis.ReconnectingConnectionString,
            dispatcherSettings: new Dictionary<string, string?> { ["MoEngage:MaxConcurrentRequests"] = "1" });
        var date = LoyalifeSystem.Yesterday;
        await system.ConnectWorkspaceAsync("outage-app", "outage-key", new { slowRate = 1.0, slowMilliseconds = 200, seed = 9 });
        var runId = await system.StartRunAsync(date);
        await Wait.UntilAsync(() => system.RunAsync(runId), run => run.MembersSent > 0 || run.Finished, TimeSpan.FromSeconds(30), run => $"run never got going: {run}");

        Func<Task> restart = dependency switch
        {
            "settings-service" => await StopAsync(system.Settings.StopAsync, () => system.Settings.Start()),
            "settings-service sidecar" => await StopAsync(system.SettingsSidecar.StopAsync, system.SettingsSidecar.StartAsync),
            "snapshot-service" => await StopAsync(system.Snapshots.StopAsync, () => system.Snapshots.Start()),
            "redis" => await StopAsync(() => { redis.Stop(); return Task.CompletedTask; }, redis.RestartAsync),
            _ => await StopAsync(postgres!.CrashAsync, postgres!.RestartAsync),
        };
        // While it is down the run cannot go through: it fails with a reason, or waits unfinished.
        var during = await Wait.UntilAsync(() => system.RunAsync(runId), run => run.Finished, TimeSpan.FromSeconds(8), run => run.ToString())
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        // A failure names what is down (with PostgreSQL down the dispatcher cannot record one: the run stays unfinished).
        Assert.True(during is null || during.Status == "failed" && during.Reason!.Contains(dependency.Split(' ')[0], StringComparison.OrdinalIgnoreCase),
            $"with {dependency} down: {during}");
        await restart();

        var run = await system.WaitForRunAsync(runId, TimeSpan.FromSeconds(90), tick: true);

        Assert.True(run.Status == "succeeded", $"{run}\nwhile {dependency} was down: {during}");
        var snapshot = await Snapshot.ReadAsync(system, date);
        (await Workspace.ReadAsync(system.StandIn, "outage-app", snapshot.Members.Keys)).AssertDelivered(snapshot, run.PossibleDuplicateEvents);
    }

    private static async Task<Func<Task>> StopAsync(Func<Task> stop, Func<Task> start)
    {
        await stop();
        return start;
    }

    private static async Task<Func<Task>> StopAsync(Func<Task> stop, Action start)
    {
        await stop();
        return () =>
        {
            start();
            return Task.CompletedTask;
        };
    }
}

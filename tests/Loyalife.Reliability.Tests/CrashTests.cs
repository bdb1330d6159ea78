namespace Loyalife.Reliability.Tests;

[Trait("Suite", "System")]
public sealed class CrashTests
{
    [Fact]
    public async Task ADispatcherStoppedAtRandomPointsResumesAndLeavesWhatACleanRunLeaves()
    {
        await using var system = await LoyalifeSystem.StartAsync(dispatcherSettings: new Dictionary<string, string?> { ["MoEngage:MaxConcurrentRequests"] = "2" });
        var date = LoyalifeSystem.Yesterday;
        await system.ConnectWorkspaceAsync("clean-app", "clean-key");
        await system.RunToSuccessAsync(date, TimeSpan.FromSeconds(60));
        var snapshot = await Snapshot.ReadAsync(system, date);
        var clean = await Workspace.ReadAsync(system.StandIn, "clean-app", snapshot.Members.Keys);

        // Every answer takes a while, so a stop lands mid-run with bodies in flight.
        await system.ConnectWorkspaceAsync("crash-app", "crash-key", new { slowRate = 1.0, slowMilliseconds = 500, seed = 3 });
        var runId = await system.StartRunAsync(date);
        var random = new Random(20261128);
        var stops = new List<string>();
        for (var stop = 0; stop < 6; stop++)
        {
            var abrupt = stop % 2 == 1;
            await Task.Delay(random.Next(250, 700));
            var before = await system.RunAsync(runId);
            Assert.False(before.Finished, $"the run finished before stop {stop + 1}, so the test no longer stops it mid-run: {before}");
            await system.Dispatcher.StopAsync();
            stops.Add($"{(abrupt ? "abrupt" : "graceful")} after {before.MembersSent} members, {before.EventsSent} events");
            // The next incarnation is the one an abrupt stop will hit.
            system.Dispatcher.Start(abruptStop: stop % 2 == 0);
        }

        var run = await system.WaitForRunAsync(runId, TimeSpan.FromSeconds(90), tick: true);

        Assert.True(run.Status == "succeeded", $"{run}\nstops: {string.Join("; ", stops)}");
        var crashed = await Workspace.ReadAsync(system.StandIn, "crash-app", snapshot.Members.Keys);
        crashed.AssertDelivered(snapshot, run.PossibleDuplicateEvents);
        crashed.AssertSameAs(clean);
        await Workspace.AssertProfileUpdatesAsync(system.StandIn, "crash-app", snapshot, run.PossibleDuplicateMembers);
    }
}

namespace Loyalife.Reliability.Tests;

[Trait("Suite", "System")]
public sealed class FaultTests
{
    [Fact]
    public async Task AProgramDayThroughTenPercentOfEachFaultArrivesOnceExceptWhatTheReportCountsAsPossibleDuplicates()
    {
        await using var system = await LoyalifeSystem.StartAsync();
        await system.ConnectWorkspaceAsync("faulty-app", "faulty-key", new
        {
            serverErrorRate = 0.1,
            tooManyRequestsRate = 0.1,
            slowRate = 0.1,
            slowMilliseconds = 2500,
            dropAfterAcceptRate = 0.1,
            seed = 7,
        });

        var run = await system.RunToSuccessAsync(LoyalifeSystem.Yesterday, TimeSpan.FromSeconds(90));

        var snapshot = await Snapshot.ReadAsync(system, LoyalifeSystem.Yesterday);
        var workspace = await Workspace.ReadAsync(system.StandIn, "faulty-app", snapshot.Members.Keys);
        workspace.AssertDelivered(snapshot, run.PossibleDuplicateEvents);
        await Workspace.AssertProfileUpdatesAsync(system.StandIn, "faulty-app", snapshot, run.PossibleDuplicateMembers);
        await Workspace.AssertNoProfileCreatedAsync(system.StandIn, "faulty-app");
        var held = run.Report.GetProperty("eventsHeldBack");
        Assert.Equal(snapshot.EventCustomers.Count(e => !Workspace.IsProfile(e.Value)), held.GetProperty("not_in_moengage").GetInt64());
        Assert.False(held.TryGetProperty("unconfirmed", out _), $"events held back unconfirmed: {run}");
        Assert.True(run.Report.GetProperty("retries").GetInt32() > 0, $"no fault met: {run}");
    }
}

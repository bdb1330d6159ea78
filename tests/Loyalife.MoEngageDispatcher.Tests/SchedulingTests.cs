namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class SchedulingTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task AfterThreeMissedNightsATickSyncsTheThreeDatesOldestFirst()
    {
        env.Dapr.Programs.Clear();
        var program = await env.ProgramAsync(members: 3, events: 1);
        var clock = new FakeClock(DateTimeOffset.Parse("2026-11-20T12:00:00Z"));
        // Verification off: its read-back of earlier nights, due once the clock moves on, fetches pages of its own.
        await using var dispatcher = env.Dispatcher(clock, new Dictionary<string, string?> { ["Sync:MaxCatchUpDays"] = "7", ["Verification:SampleSize"] = "0" });
        await dispatcher.TickAsync();
        await dispatcher.WaitForRunsAsync(program.ProgramId, count: 7);
        program.PagesServed.Clear();

        clock.Now = clock.Now.AddDays(3);
        await dispatcher.TickAsync();
        var runs = await dispatcher.WaitForRunsAsync(program.ProgramId, count: 10);

        var newest = runs.Take(3).Reverse().ToList();
        Assert.Equal(["2026-11-20", "2026-11-21", "2026-11-22"], newest.Select(r => r.BusinessDate));
        Assert.All(newest, run => Assert.Equal((RunStatus.Succeeded, RunTrigger.Cron), (run.Status, run.Trigger)));
        var datesFetched = program.PagesServed.Select(p => p.Split(' ')[0]).Distinct().ToList();
        Assert.Equal(["2026-11-20", "2026-11-21", "2026-11-22"], datesFetched);
        Assert.Equal(10 * 3, (await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated"));
    }

    [Fact]
    public async Task AHalfHourZoneProgramBecomesDueAtItsOwnMidnight()
    {
        env.Dapr.Programs.Clear();
        var kolkata = await env.ProgramAsync(members: 2, events: 0, timeZone: "Asia/Kolkata");
        var amsterdam = await env.ProgramAsync(members: 2, events: 0, timeZone: "Europe/Amsterdam");
        var clock = new FakeClock(DateTimeOffset.Parse("2026-11-27T18:29:59Z")); // 23:59:59 in Kolkata, 19:29:59 in Amsterdam
        await using var dispatcher = env.Dispatcher(clock, new Dictionary<string, string?> { ["Sync:MaxCatchUpDays"] = "1" });
        await dispatcher.TickAsync();
        Assert.Equal("2026-11-26", Assert.Single(await dispatcher.WaitForRunsAsync(kolkata.ProgramId)).BusinessDate);
        Assert.Equal("2026-11-26", Assert.Single(await dispatcher.WaitForRunsAsync(amsterdam.ProgramId)).BusinessDate);

        clock.Now = DateTimeOffset.Parse("2026-11-27T18:30:00Z");
        await dispatcher.TickAsync();

        var runs = await dispatcher.WaitForRunsAsync(kolkata.ProgramId, count: 2);
        Assert.Equal(["2026-11-27", "2026-11-26"], runs.Select(r => r.BusinessDate));
        await Task.Delay(500);
        Assert.Single(await dispatcher.RunsAsync(amsterdam.ProgramId));
    }

    [Fact]
    public async Task TwoDispatchersTickingTogetherMakeOneRunAndDeliverOnce()
    {
        env.Dapr.Programs.Clear();
        var program = await env.ProgramAsync(members: 150, events: 40);
        var settings = new Dictionary<string, string?> { ["Sync:MaxCatchUpDays"] = "1", ["MoEngage:MaxBodyBytes"] = "2048" };
        await using var first = env.Dispatcher(settings: settings);
        await using var second = env.Dispatcher(settings: settings);

        await Task.WhenAll(first.TickAsync(), second.TickAsync(), first.TickAsync(), second.TickAsync());
        var run = Assert.Single(await first.WaitForRunsAsync(program.ProgramId));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Attempts);
        await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 150, events: 40);
    }

    [Fact]
    public async Task ADispatcherStoppedMidRunIsResumedByAnotherWithoutResendingAnythingAccepted()
    {
        env.Dapr.Programs.Clear();
        var program = await env.ProgramAsync(members: 300, events: 60, faults: new JsonObject { ["slowRate"] = 1.0, ["slowMilliseconds"] = 100 });
        // Verification off: its read-back would add a Get User call to the requests counted below.
        var settings = new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "1", ["MoEngage:MaxBodyBytes"] = "1024", ["Sync:PageSize"] = "13", ["Verification:SampleSize"] = "0",
        };
        var first = env.Dispatcher(settings: settings);
        await first.TickAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated") < 60)
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(20);
        }

        await first.DisposeAsync();
        var stopped = (await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated");
        Assert.InRange(stopped, 60, 299);

        // The replica that resumes pages differently: a checkpoint inside a page of 13 must still hold.
        await using var second = env.Dispatcher(settings: new Dictionary<string, string?>(settings) { ["Sync:PageSize"] = "5" });
        var run = await second.RunAsync(Assert.Single(await second.WaitForRunsAsync(program.ProgramId)).RunId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempts);
        var stats = await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 300, events: 60);
        // Every request the workspace saw is a Bulk body the report counts or a Get User call of the confirmations.
        Assert.Equal(stats.Stat("requests"), run.Report.Requests + run.Report.Confirmations.Calls);
        Assert.Equal(300, run.Report.MembersSent);
    }

    [Fact]
    public async Task AResumedRunStartsRightAfterItsCheckpointWhateverThePageSize()
    {
        env.Dapr.Programs.Clear();
        var program = await env.ProgramAsync(members: 60, events: 0);
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3));
        await using (var crashed = env.Dispatcher())
        {
            // A replica paging by 13 accepted the first page and 10 items of the second, then died.
            var store = crashed.Services.GetRequiredService<RunStore>();
            var fenced = crashed.Services.GetRequiredService<FencedRunStore>();
            var run = (await store.CreateRunAsync(program.ProgramId, date, date, RunTrigger.Manual, false, null, true, CancellationToken.None))!;
            var token = await fenced.NextFencingTokenAsync(CancellationToken.None);
            await fenced.ClaimAsync(run.RunId, token, CancellationToken.None);
            await fenced.SaveProgressAsync(run.RunId, token, new Checkpoint(date, SnapshotKind.Members, new StreamPosition("13", 10)),
                new RunReport { MembersSent = 23 }, [], CancellationToken.None);
        }

        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?> { ["Sync:PageSize"] = "5" });
        var resumed = Assert.Single(await dispatcher.WaitForRunsAsync(program.ProgramId));

        Assert.True(resumed.Status == RunStatus.Succeeded, $"{resumed.Status}: {resumed.Reason}");
        Assert.Equal(60, resumed.Report.MembersSent);
        await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 60 - 23, events: 0);
        // The 23rd member was accepted before the crash (here: never sent to this workspace); the 24th comes next.
        var last = await env.StandIn.CustomerAsync(program.AppId, "C0000023");
        var next = await env.StandIn.CustomerAsync(program.AppId, "C0000024");
        Assert.False(last.GetProperty("attributes").TryGetProperty("points_available", out _));
        Assert.Equal(240, next.GetProperty("attributes").GetProperty("points_available").GetInt32());
    }
}

using Loyalife.MoEngageDispatcher.HeldRuns;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class HeldRunTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private const string Secret = "whsec-held-runs-0c1f9e";

    [Fact]
    public async Task ADayFarAboveItsNightsIsHeldBlocksLaterDaysIsSentAsHeldOnReleaseAndNeverOnSkip()
    {
        // Every date's snapshot holds 1,067 points-earned and 533 redeemed events; the synced nights had 100 and 50.
        var program = await env.ProgramAsync(members: 5, events: 1600);
        await using var receiver = await program.AlertReceiverAsync(Secret);
        var clock = new FakeClock(DateTimeOffset.Parse("2026-11-20T12:00:00Z"));
        await using var dispatcher = env.Dispatcher(clock, new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "2",
            ["Sync:PageSize"] = "500",
            ["Alerts:PollInterval"] = "00:00:00.100",
            ["Alerts:AdminPageUrl"] = "https://settings.example/admin",
        });
        await SeedSyncedNightsAsync(dispatcher, program.ProgramId, new DateOnly(2026, 11, 17), nights: 14);

        await dispatcher.ProcessNowAsync(program.ProgramId);

        var held = Assert.Single(await dispatcher.RunsAsync(program.ProgramId), r => r.BusinessDate == "2026-11-18");
        Assert.Equal(RunStatus.Held, held.Status);
        Assert.Equal(HoldCheck.EventsSpike, held.Report.Held!.Rule);
        Assert.Equal("loyalty_points_earned", (string?)held.Report.Held.Figures["event"]);
        Assert.Equal(1067, (long)held.Report.Held.Figures["events"]!);
        Assert.Equal(100, (double)held.Report.Held.Figures["median"]!);
        Assert.Equal(14, (int)held.Report.Held.Figures["nights"]!);
        var nothing = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal((0, 0), (nothing.Stat("customersUpdated"), nothing.Stat("eventsAccepted")));

        // Order matters: the next day waits, whether the scheduler or an admin asks for it.
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.DoesNotContain(await dispatcher.RunsAsync(program.ProgramId), r => r.BusinessDate == "2026-11-19");
        using var admin = dispatcher.Admin();
        var manual = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = "2026-11-19" });
        Assert.Equal(HttpStatusCode.Conflict, manual.StatusCode);

        var heldAlert = Assert.Single(await receiver.WaitForAsync(1));
        Assert.Equal("run_held", heldAlert.Body.GetProperty("kind").GetString());
        Assert.Equal("raised", heldAlert.Body.GetProperty("state").GetString());
        Assert.Equal(held.RunId, heldAlert.Body.GetProperty("run").GetProperty("runId").GetGuid());
        Assert.Contains("1,067 loyalty_points_earned events", heldAlert.Body.GetProperty("text").GetString());
        Assert.Equal($"https://settings.example/admin?program={program.ProgramId}", heldAlert.Body.GetProperty("link").GetString());
        Assert.True(heldAlert.SignatureValid);

        var released = await admin.PostAsync($"/v1/programs/{program.ProgramId}/sync-runs/{held.RunId}/release", null);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal(RunStatus.Pending, (await released.Content.ReadFromJsonAsync<SyncRunResponse>(DispatcherApp.Json))!.Status);
        var sent = Assert.Single(await dispatcher.WaitForAsync(program.ProgramId,
            runs => runs.Single(r => r.RunId == held.RunId).Status == RunStatus.Succeeded), r => r.RunId == held.RunId);

        // Exactly what was held: the day's snapshot as its summary counted it when the run was held.
        Assert.Equal(held.Report.Days["2026-11-18"].EventsInSnapshot, sent.Report.EventsSent);
        Assert.Equal("admin-token", sent.Report.Held!.ReleasedBy);
        await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 5, events: 1600);
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (
            (await admin.PostAsync($"/v1/programs/{program.ProgramId}/sync-runs/{held.RunId}/release", null)).StatusCode,
            (await admin.PostAsync($"/v1/programs/{program.ProgramId}/sync-runs/{held.RunId}/skip", null)).StatusCode));

        // The next day still stands out against the nights before it; skipped, it is never sent by catch-up.
        await dispatcher.ProcessNowAsync(program.ProgramId);
        var next = Assert.Single(await dispatcher.RunsAsync(program.ProgramId), r => r.BusinessDate == "2026-11-19");
        Assert.Equal(RunStatus.Held, next.Status);
        var skipped = await admin.PostAsync($"/v1/programs/{program.ProgramId}/sync-runs/{next.RunId}/skip", null);
        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal(RunStatus.Skipped, (await skipped.Content.ReadFromJsonAsync<SyncRunResponse>(DispatcherApp.Json))!.Status);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        clock.Now = clock.Now.AddDays(1);
        await dispatcher.ProcessNowAsync(program.ProgramId);

        var runs = await dispatcher.RunsAsync(program.ProgramId);
        Assert.Equal(RunStatus.Skipped, Assert.Single(runs, r => r.BusinessDate == "2026-11-19").Status);
        Assert.Equal(RunStatus.Held, Assert.Single(runs, r => r.BusinessDate == "2026-11-20").Status);
        await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 5, events: 1600);

        // One alert per change: held, released, held, skipped, held; each signed.
        var alerts = await receiver.WaitForAsync(5);
        Assert.Equal(["run_held", "run_held_resolved", "run_held", "run_held_resolved", "run_held"],
            alerts.Select(a => a.Body.GetProperty("kind").GetString()));
        Assert.Contains("released by admin-token", alerts[1].Body.GetProperty("text").GetString());
        Assert.Contains("skipped by admin-token", alerts[3].Body.GetProperty("text").GetString());
        Assert.All(alerts, alert => Assert.True(alert.SignatureValid));
        Assert.All(alerts, alert => Assert.DoesNotContain(program.ApiKey, alert.Raw));
        Assert.All(alerts, alert => Assert.DoesNotContain(Secret, alert.Raw));
    }

    [Fact]
    public async Task AMemberCountDownByMoreThanTheProgramsOwnLimitIsHeldAndTheDefaultsStillApplyToOthers()
    {
        var program = await env.ProgramAsync(members: 7, events: 0);
        var clock = new FakeClock(DateTimeOffset.Parse("2026-11-20T12:00:00Z"));
        await using var dispatcher = env.Dispatcher(clock, new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "1",
            [$"HeldRuns:Programs:{program.ProgramId}:MemberDropPercent"] = "5",
        });
        // The nights had 8 members; 7 is 12.5 % fewer: above this program's 5 %, within the default 20 %.
        await SeedSyncedNightsAsync(dispatcher, program.ProgramId, new DateOnly(2026, 11, 18), nights: 3, members: 8);

        await dispatcher.ProcessNowAsync(program.ProgramId);

        var run = Assert.Single(await dispatcher.RunsAsync(program.ProgramId), r => r.BusinessDate == "2026-11-19");
        Assert.Equal(RunStatus.Held, run.Status);
        Assert.Equal(HoldCheck.MembersDrop, run.Report.Held!.Rule);
        Assert.Equal(12.5, (double)run.Report.Held.Figures["dropPercent"]!);
        Assert.Equal(5, (double)run.Report.Held.Figures["maxDropPercent"]!);
        Assert.StartsWith("held: 7 members, down 12.5 %", run.Reason);
        Assert.Equal(20, dispatcher.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HeldRunsOptions>>().Value.For("any").MemberDropPercent);
    }

    /// <summary>Synced nights ending at <paramref name="last"/>, as runs that sent them would have recorded them.</summary>
    private static async Task SeedSyncedNightsAsync(DispatcherApp dispatcher, string programId, DateOnly last, int nights, long members = 5)
    {
        var store = dispatcher.Services.GetRequiredService<RunStore>();
        var fenced = dispatcher.Services.GetRequiredService<FencedRunStore>();
        for (var date = last.AddDays(1 - nights); date <= last; date = date.AddDays(1))
        {
            var run = (await store.CreateRunAsync(programId, date, date, RunTrigger.Cron, false, null, onlyIfIdle: false, CancellationToken.None))!;
            var token = await fenced.NextFencingTokenAsync(CancellationToken.None);
            await fenced.ClaimAsync(run.RunId, token, CancellationToken.None);
            var report = new RunReport
            {
                Days =
                {
                    [date.ToString("yyyy-MM-dd")] = new DayReport
                    {
                        MembersInSnapshot = members, Completed = true,
                        EventsInSnapshot = new() { ["loyalty_points_earned"] = 100, ["loyalty_points_redeemed"] = 50 },
                    },
                },
            };
            await fenced.CompleteDateAsync(run.RunId, token, programId, date, false, new Checkpoint(date.AddDays(1), SnapshotKind.Members, StreamPosition.Start),
                report, CancellationToken.None);
            await fenced.FinishAsync(run.RunId, token, RunStatus.Succeeded, null, report, CancellationToken.None);
        }
    }
}

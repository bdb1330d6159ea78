namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class FailureTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] extra) =>
        new Dictionary<string, string?> { ["Sync:MaxCatchUpDays"] = "1", ["MoEngage:MaxBodyBytes"] = "2048" }
            .With(extra.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)));

    [Fact]
    public async Task ServerErrorsRateLimitsTimeoutsAndDroppedConnectionsAreRetriedUntilEverythingIsDelivered()
    {
        var faults = new JsonObject
        {
            ["serverErrorRate"] = 0.15, ["tooManyRequestsRate"] = 0.1, ["dropAfterAcceptRate"] = 0.1,
            ["slowRate"] = 0.1, ["slowMilliseconds"] = 1500, ["seed"] = 7,
        };
        var limits = new JsonObject { ["bulkUsersPerMinute"] = 1_000_000, ["bulkEventsPerMinute"] = 1_000_000 };
        var program = await env.ProgramAsync(members: 200, events: 120, limits, faults);
        await using var dispatcher = env.Dispatcher(settings: Settings(
            ("MoEngage:MaxAttempts", "20"), ("MoEngage:RequestTimeout", "00:00:00.5"), ("MoEngage:MaxRateLimitWait", "00:00:00.1"),
            ("Verification:SampleSize", "0")));

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var stats = await env.StandIn.StatsAsync(program.AppId);
        foreach (var member in program.Members)
        {
            await env.StandIn.CustomerAsync(program.AppId, (string)member["customerId"]!);
        }

        Assert.Equal(120, stats.Stat("eventsAccepted") - stats.Stat("eventsDuplicated"));
        Assert.True(stats.Stat("eventsDuplicated") <= run.Report.PossibleDuplicates.Events,
            $"{stats.Stat("eventsDuplicated")} duplicated, {run.Report.PossibleDuplicates.Events} reported as possible");
        Assert.True(run.Report.Retries > 0);
        Assert.True(run.Report.RateLimitWaits > 0);
        Assert.True(run.Report.PossibleDuplicates.Requests > 0);
        Assert.Equal(200, run.Report.MembersSent);
        Assert.Equal(120, run.Report.EventsSent.Values.Sum());
        // A request that timed out before the stand-in read it is counted by us, not by it.
        Assert.InRange(stats.Stat("requests"), 1, run.Report.Requests + run.Report.Confirmations.Calls);
    }

    [Fact]
    public async Task ABodyMoEngageFindsTooLargeIsSplitInHalvesAndResent()
    {
        var program = await env.ProgramAsync(members: 1000, events: 0);
        // Packing above MoEngage's cap on purpose, so the stand-in answers 413.
        await using var dispatcher = env.Dispatcher(settings: Settings(("MoEngage:MaxBodyBytes", "300000"), ("Sync:PageSize", "1000")));

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var statuses = (await env.StandIn.RequestsAsync(program.AppId)).EnumerateArray().Select(r => r.GetProperty("status").GetInt32()).ToList();
        Assert.Contains(413, statuses);
        Assert.Equal(1000, (await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated"));
        Assert.Equal(1000, run.Report.MembersSent);
        Assert.Equal(0, run.Report.RejectedElements);
    }

    [Fact]
    public async Task AnElementLargerThanAnyBodyIsRecordedAsRejectedAndTheRestIsDelivered()
    {
        var program = await env.ProgramAsync(members: 10, events: 0);
        program.Members[4]["attributes"]!["notes"] = new string('n', 110_000);
        await using var dispatcher = env.Dispatcher(settings: Settings(("MoEngage:MaxBodyBytes", "102400")));

        var run = await dispatcher.RunAsync((await dispatcher.TickForOneRunAsync(program.ProgramId)).RunId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(9, run.Report.MembersSent);
        Assert.Equal(1, run.Report.RejectedElements);
        var rejected = Assert.Single(run.Rejected!);
        Assert.Equal(413, rejected.Status);
        Assert.Contains("C0000005", rejected.Element);
        Assert.Equal(9, (await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated"));
    }

    [Fact]
    public async Task ABadRequestCostsOnlyTheElementMoEngageRefusesRecordedWithItsAnswerAndTheRunGoesOn()
    {
        var program = await env.ProgramAsync(members: 40, events: 0);
        await using var dispatcher = env.Dispatcher(settings: Settings(("MoEngage:MaxBodyBytes", "1024")));
        await using var rejecting = dispatcher.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHttpClient(MoEngageClient.HttpClientName).AddHttpMessageHandler(() => RejectBodiesHolding("C0000007"))));

        var run = await rejecting.RunAsync((await rejecting.TickForOneRunAsync(program.ProgramId)).RunId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.True(run.Report.RejectedElements > 0);
        Assert.Equal(40, run.Report.MembersSent + run.Report.RejectedElements);
        Assert.All(run.Rejected!, element => Assert.Equal(400, element.Status));
        Assert.All(run.Rejected!, element => Assert.Contains("elements cannot be empty array", element.Answer));
        Assert.Equal(run.Report.MembersSent, (await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated"));
        // The body holding it was split until the element stood alone: only it is rejected.
        var rejected = Assert.Single(run.Rejected!);
        Assert.Contains("C0000007", rejected.Element);
        Assert.Equal(39, run.Report.MembersSent);
    }

    [Fact]
    public async Task ARejectedKeyStopsTheRunNamingTheDataCentreAndTheNextTickRetriesIt()
    {
        var program = await env.ProgramAsync(members: 20, events: 3);
        var rightKey = program.ApiKey;
        program.ApiKey = "wrong-key";
        await using var dispatcher = env.Dispatcher(settings: Settings());

        var failed = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("credentials rejected", failed.Reason);
        Assert.Contains("data centre 01", failed.Reason);
        Assert.DoesNotContain("wrong-key", failed.Reason);

        program.ApiKey = rightKey;
        await dispatcher.TickAsync();
        await WaitUntilAsync(async () => (await dispatcher.RunAsync(failed.RunId)).Status == RunStatus.Succeeded);

        var retried = await dispatcher.RunAsync(failed.RunId);
        Assert.Equal(2, retried.Attempts);
        Assert.Single(retried.Report.PreviousErrors);
        Assert.Equal(20, (await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated"));
        Assert.Single(await dispatcher.RunsAsync(program.ProgramId));
    }

    [Fact]
    public async Task DisablingTheIntegrationMidRunStopsItCleanlyWithTheReason()
    {
        var faults = new JsonObject { ["slowRate"] = 1.0, ["slowMilliseconds"] = 300 };
        var program = await env.ProgramAsync(members: 100, events: 0, faults: faults);
        await using var dispatcher = env.Dispatcher(settings: Settings(("MoEngage:MaxBodyBytes", "1024")));

        await dispatcher.TickAsync();
        await WaitUntilAsync(async () => (await env.StandIn.StatsAsync(program.AppId)).Stat("customersUpdated") > 0);
        program.Enabled = false;
        var run = Assert.Single(await dispatcher.WaitForRunsAsync(program.ProgramId));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Contains("disabled during the run", run.Reason);
        Assert.InRange(run.Report.MembersSent, 1, 99);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 60 s");
            await Task.Delay(50);
        }
    }

    /// <summary>Answers every Bulk request holding <paramref name="poisoned"/> with MoEngage's 400 body, as its published spec shows.</summary>
    private static StubHandler RejectBodiesHolding(string poisoned) =>
        new(async (request, next, cancellationToken) =>
            (await request.Content!.ReadAsStringAsync(cancellationToken)).Contains(poisoned, StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.BadRequest)
                {
                    Content = new StringContent("""{"status":"fail","error":{"type":"Bad Request","message":"elements cannot be empty array","request_id":"r1"}}"""),
                }
                : await next(request, cancellationToken));
}

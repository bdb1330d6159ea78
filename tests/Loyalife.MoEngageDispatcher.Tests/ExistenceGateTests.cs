namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class ExistenceGateTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private static readonly Dictionary<string, string?> OneNight = new() { ["Sync:MaxCatchUpDays"] = "1" };

    // Members 1-6 have profiles in the workspace, 7-10 do not; every member has one event (pe-n for member n).
    private static readonly string[] Held = Enumerable.Range(1, 6).Select(n => $"C{n:D7}").ToArray();

    [Fact]
    public async Task AWorkspaceHoldingSomeMembersGetsNoNewProfileAndEventsOnlyForTheMembersItHolds()
    {
        var program = await env.ProgramAsync(members: 10, events: 10, customers: Held);
        await using var dispatcher = env.Dispatcher(settings: OneNight);

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        var stats = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal(0, stats.Stat("profilesCreated"));
        var events = (await env.StandIn.EventsAsync(program.AppId)).EnumerateArray().Select(e => e.GetProperty("customerId").GetString()).Order().ToList();
        Assert.Equal(Held, events);
        Assert.Equal(6, stats.Stat("customersUpdated"));

        Assert.Equal(new Dictionary<string, long> { ["not_in_moengage"] = 4 }, run.Report.EventsHeldBack);
        Assert.Equal(6, run.Report.EventsSent.Values.Sum());
        Assert.Equal(4, run.Report.MembersNotInMoEngage);
        Assert.Equal(0, run.Report.EventsSentToUnconfirmed);
        Assert.Equal((10, 6, 4, 1), (run.Report.Confirmations.Asked, run.Report.Confirmations.Found, run.Report.Confirmations.NotFound, run.Report.Confirmations.Calls));
        Assert.True(run.Report.Confirmations.GetUserSeconds > 0 && run.Report.Confirmations.BookkeepingSeconds > 0, "the gate's time is not reported");

        using var admin = dispatcher.Admin();
        var list = await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/members-not-in-moengage");
        Assert.Equal(4, list.GetProperty("total").GetInt32());
        Assert.Equal(["M00000007", "M00000008", "M00000009", "M00000010"],
            list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("memberId").GetString()));
        Assert.Equal("C0000007", list.GetProperty("items")[0].GetProperty("customerId").GetString());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("next").ValueKind);

        var first = await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/members-not-in-moengage?limit=3");
        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        var rest = await admin.GetFromJsonAsync<JsonElement>(
            $"/v1/programs/{program.ProgramId}/members-not-in-moengage?limit=3&after={first.GetProperty("next").GetString()}");
        Assert.Equal(["M00000010"], rest.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("memberId").GetString()));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);

        var searched = await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/members-not-in-moengage?search=c0000009");
        Assert.Equal(1, searched.GetProperty("total").GetInt32());
        Assert.Equal("M00000009", searched.GetProperty("items")[0].GetProperty("memberId").GetString());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/v1/programs/{program.ProgramId}/members-not-in-moengage?limit=1");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        using var csv = await admin.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("memberId,customerId,since,lastChecked", lines[0]);
        Assert.Equal(["M00000007", "M00000008", "M00000009", "M00000010"], lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Matches(@"^M00000007,C0000007,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lines[1]);
    }

    [Fact]
    public async Task AMemberWhoseReferenceIsCorrectedLeavesTheListWithItsNextEvent()
    {
        // The admin corrects member 7's relation reference to one MoEngage holds; members 8-10 stay absent.
        var program = await env.ProgramAsync(members: 10, events: 10, customers: [.. Held, "C0000107"]);
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var dispatcher = env.Dispatcher(clock, OneNight);
        var first = await dispatcher.TickForOneRunAsync(program.ProgramId);
        Assert.Equal(4, first.Report.MembersNotInMoEngage);

        program.Events.Single(e => (string?)e["memberId"] == "M00000007")["customerId"] = "C0000107";
        clock.Now = clock.Now.AddDays(1);
        await dispatcher.TickAsync();
        var second = (await dispatcher.WaitForRunsAsync(program.ProgramId, count: 2))[0];

        Assert.True(second.Status == RunStatus.Succeeded, second.Reason);
        Assert.Equal(3, second.Report.MembersNotInMoEngage);
        Assert.Equal((1, 1, 0), (second.Report.Confirmations.Asked, second.Report.Confirmations.Found, second.Report.Confirmations.NotFound));
        using var admin = dispatcher.Admin();
        var list = await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/members-not-in-moengage");
        Assert.Equal(["M00000008", "M00000009", "M00000010"],
            list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("memberId").GetString()));
        Assert.Contains("C0000107", (await env.StandIn.EventsAsync(program.AppId)).EnumerateArray().Select(e => e.GetProperty("customerId").GetString()));
    }

    [Fact]
    public async Task WithSendEveryMemberGetsItsEventsAndTheReportCountsThoseMoEngageWasNotKnownToHold()
    {
        var program = await env.ProgramAsync(members: 10, events: 10, customers: Held);
        program.UnknownMembers = "send";
        await using var dispatcher = env.Dispatcher(settings: OneNight);

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        var stats = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal(10, stats.Stat("eventsAccepted"));
        Assert.Equal(4, stats.Stat("profilesCreated"));
        Assert.Equal(10, run.Report.EventsSent.Values.Sum());
        Assert.Equal(10, run.Report.EventsSentToUnconfirmed);
        Assert.Empty(run.Report.EventsHeldBack);
        Assert.Equal(0, run.Report.Confirmations.Calls);
        Assert.DoesNotContain((await env.StandIn.RequestsAsync(program.AppId)).EnumerateArray(),
            r => r.GetProperty("path").GetString()!.Contains("customers/export"));
    }

    [Fact]
    public async Task AttributesGoUnderTheirMoEngageNamesAndAnAdminsOverrideAndAReservedNameFailsTheRun()
    {
        var program = await env.ProgramAsync(members: 3, events: 0);
        program.AttributeNames = new() { ["tier"] = "loyalty_tier" };
        await using var dispatcher = env.Dispatcher(settings: OneNight);

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        var attributes = (await env.StandIn.CustomerAsync(program.AppId, "C0000002")).GetProperty("attributes");
        Assert.Equal("gold", attributes.GetProperty("loyalty_tier").GetString());
        Assert.Equal("active", attributes.GetProperty("loyalty_status").GetString());
        Assert.False(attributes.TryGetProperty("tier", out _));
        Assert.False(attributes.TryGetProperty("status", out _));

        var reserved = await env.ProgramAsync(members: 3, events: 0);
        reserved.AttributeNames = new() { ["tier"] = "user_id" };
        var failed = await dispatcher.TickForOneRunAsync(reserved.ProgramId);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("tier → 'user_id' is a name MoEngage reserves", failed.Reason);
        Assert.Equal(0, (await env.StandIn.StatsAsync(reserved.AppId)).Stat("requests"));
    }

    [Fact]
    public async Task LedgerInstantsWithMicrosecondsArriveToTheSecond()
    {
        var program = await env.ProgramAsync(members: 1, events: 1);
        program.Events[0]["occurredAt"] = "2026-11-20T08:00:01.123456+01:00";
        program.Events[0]["attributes"]!["expires_at"] = "2027-01-01T00:00:00.654321Z";
        program.Events[0]["attributes"]!["expiry_date"] = "2027-01-01";
        await using var dispatcher = env.Dispatcher(settings: OneNight);

        Assert.Equal(RunStatus.Succeeded, (await dispatcher.TickForOneRunAsync(program.ProgramId)).Status);

        var stored = Assert.Single((await env.StandIn.EventsAsync(program.AppId)).EnumerateArray());
        Assert.Equal("2027-01-01T00:00:00Z", stored.GetProperty("attributes").GetProperty("expires_at").GetString());
        Assert.Equal("2027-01-01", stored.GetProperty("attributes").GetProperty("expiry_date").GetString());
        var requests = (await env.StandIn.RequestsAsync(program.AppId)).EnumerateArray().ToList();
        Assert.DoesNotContain(requests, r => r.GetProperty("status").GetInt32() != 200);
        Assert.Equal(new DateTime(2026, 11, 20, 7, 0, 1, DateTimeKind.Utc), stored.GetProperty("currentTime").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task GetUserCallsNeverCarryMoreThanTwentyIdsNorExceedTheQuotaAcrossTwoReplicas()
    {
        env.Dapr.Programs.Clear();
        var one = await env.ProgramAsync(members: 70, events: 70);
        var other = env.Dapr.Add(new FakeProgram
        {
            ProgramId = one.ProgramId + "b", AppId = one.AppId, ApiKey = one.ApiKey, ApiBaseUrl = one.ApiBaseUrl,
            Members = FakeProgram.MakeMembers(70, start: 1000),
            Events = FakeProgram.MakeEvents(70).Select((e, i) => { e["customerId"] = $"C{1000 + i:D7}"; e["memberId"] = $"M{1000 + i:D8}"; return e; }).ToList(),
        });
        var settings = new Dictionary<string, string?>(OneNight)
        {
            ["Sync:Quota:GetUsersPerMinute"] = "50", ["Sync:Quota:Window"] = "00:00:01", ["Sync:Quota:SafetyMargin"] = "00:00:00.500",
            ["Sync:MaxConcurrentPrograms"] = "1",
        };
        var calls = new ConcurrentBag<(TimeSpan At, int Ids)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var first = Counting(env.Dispatcher(settings: settings), calls, clock);
        await using var second = Counting(env.Dispatcher(settings: settings), calls, clock);

        await Task.WhenAll(first.TickAsync(), second.TickAsync());
        var runs = (await first.WaitForRunsAsync(one.ProgramId, timeout: TimeSpan.FromSeconds(120))).Concat(await first.WaitForRunsAsync(other.ProgramId, timeout: TimeSpan.FromSeconds(120))).ToList();

        Assert.All(runs, run => Assert.True(run.Status == RunStatus.Succeeded, run.Reason));
        Assert.Equal(140, calls.Sum(c => c.Ids));
        Assert.All(calls, call => Assert.InRange(call.Ids, 1, 20));
        var log = calls.OrderBy(c => c.At).ToList();
        foreach (var (at, _) in log)
        {
            var inWindow = log.Where(c => c.At > at - TimeSpan.FromSeconds(1) && c.At <= at).Sum(c => c.Ids);
            Assert.True(inWindow <= 50, $"{inWindow} users asked in the second ending at {at}");
        }

        Assert.Equal(0, (await env.StandIn.StatsAsync(one.AppId)).Stat("profilesCreated"));
    }

    [Fact]
    public async Task ARestartMidConfirmationLosesNothingAndResendsNoAcceptedBody()
    {
        env.Dapr.Programs.Clear();
        var program = await env.ProgramAsync(members: 200, events: 200, customers: Enumerable.Range(1, 150).Select(n => $"C{n:D7}"));
        var settings = new Dictionary<string, string?>(OneNight)
        {
            ["Sync:Quota:GetUsersPerMinute"] = "40", ["Sync:Quota:Window"] = "00:00:01", ["Sync:Quota:SafetyMargin"] = "00:00:00",
            ["Sync:PageSize"] = "50", ["MoEngage:MaxBodyBytes"] = "2048",
        };
        var calls = new ConcurrentBag<(TimeSpan At, int Ids)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var stopped = Counting(env.Dispatcher(settings: settings), calls, clock);
        await stopped.TickAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (calls.Sum(c => c.Ids) < 80)
        {
            Assert.True(DateTime.UtcNow < deadline, "confirmations did not start");
            await Task.Delay(20);
        }

        await stopped.DisposeAsync();
        var before = calls.Sum(c => c.Ids);
        Assert.InRange(before, 80, 199);

        await using var resumed = Counting(env.Dispatcher(settings: settings), calls, clock);
        var run = Assert.Single(await resumed.WaitForRunsAsync(program.ProgramId, timeout: TimeSpan.FromSeconds(120)));

        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);
        Assert.Equal(2, run.Attempts);
        // Each member asked once; at most the call in flight when the first replica stopped is asked again.
        Assert.InRange(calls.Sum(c => c.Ids), 200, 200 + 20);
        await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 150, events: 150);
        Assert.Equal(0, (await env.StandIn.StatsAsync(program.AppId)).Stat("profilesCreated"));
        Assert.Equal(new Dictionary<string, long> { ["not_in_moengage"] = 50 }, run.Report.EventsHeldBack);
        Assert.Equal(150, run.Report.EventsSent.Values.Sum());
        Assert.Equal(50, run.Report.MembersNotInMoEngage);
    }

    /// <summary>The dispatcher with every Get User call it makes recorded (when, how many ids).</summary>
    internal static ServiceHost<Program> Counting(
        DispatcherApp app, ConcurrentBag<(TimeSpan At, int Ids)> calls, System.Diagnostics.Stopwatch clock) =>
        app.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHttpClient(MoEngageClient.HttpClientName).AddHttpMessageHandler(() => RecordGetUser(calls, clock))));

    private static StubHandler RecordGetUser(ConcurrentBag<(TimeSpan At, int Ids)> calls, System.Diagnostics.Stopwatch clock) =>
        new(async (request, next, cancellationToken) =>
        {
            if (request.RequestUri!.AbsolutePath.EndsWith("/customers/export", StringComparison.Ordinal))
            {
                using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
                calls.Add((clock.Elapsed, body.RootElement.GetProperty("data").GetProperty("identifiers").GetArrayLength()));
            }

            return await next(request, cancellationToken);
        });
}

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class AlertTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private const string Secret = "whsec-alerts-5d2b77";

    [Fact]
    public async Task OneSignedAlertPerChangeOfStateAcrossTicksAndOneForTheRecovery()
    {
        var program = await env.ProgramAsync(members: 3, events: 1);
        var rightKey = program.ApiKey;
        program.ApiKey = "not-the-workspace-key";
        await using var receiver = await program.AlertReceiverAsync(Secret);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "1",
            ["Alerts:PollInterval"] = "00:00:00.100",
            ["Alerts:AdminPageUrl"] = "https://settings.example/admin",
        });

        // Three ticks, three failed attempts of the same run: one alert.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await dispatcher.TickAsync();
            await dispatcher.WaitForAsync(program.ProgramId, runs => runs is [{ Status: RunStatus.Failed } run] && run.Attempts == attempt);
        }

        program.ApiKey = rightKey;
        await dispatcher.TickAsync();
        var recovered = Assert.Single(await dispatcher.WaitForAsync(program.ProgramId, runs => runs is [{ Status: RunStatus.Succeeded }]));
        await dispatcher.ProcessNowAsync(program.ProgramId);

        var alerts = await receiver.WaitForAsync(2);
        Assert.Equal(["credentials_rejected", "credentials_rejected_resolved"], alerts.Select(a => a.Body.GetProperty("kind").GetString()));
        Assert.Equal(["raised", "resolved"], alerts.Select(a => a.Body.GetProperty("state").GetString()));
        var raised = alerts[0].Body;
        Assert.Equal(program.ProgramId, raised.GetProperty("program").GetString());
        Assert.Equal(recovered.RunId, raised.GetProperty("run").GetProperty("runId").GetGuid());
        Assert.Contains("rejected the credentials", raised.GetProperty("text").GetString());
        Assert.EndsWith($"https://settings.example/admin?program={program.ProgramId}", raised.GetProperty("text").GetString());
        Assert.Equal("application/json; charset=utf-8", alerts[0].ContentType);
        Assert.All(alerts, alert => Assert.True(alert.SignatureValid));
        Assert.All(alerts, alert => Assert.DoesNotContain(Secret, alert.Raw));
        Assert.All(alerts, alert => Assert.DoesNotContain(rightKey, alert.Raw));
        Assert.All(alerts, alert => Assert.DoesNotContain("not-the-workspace-key", alert.Raw));

        var deliveries = await DeliveriesAsync(dispatcher, program.ProgramId);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Delivered, 1, 200), (d.State, d.Attempts, d.LastStatus)));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task MembersNotInMoEngageJumpingPastTheirUsualLevelRaisesOneAlert()
    {
        // MoEngage holds members 1-40 of 150; the first night only they have events, later nights all do.
        var program = await env.ProgramAsync(members: 150, events: 150, customers: Enumerable.Range(1, 40).Select(n => $"C{n:D7}"));
        var allEvents = program.Events.ToList();
        program.Events.RemoveRange(40, 110);
        await using var receiver = await program.AlertReceiverAsync(Secret);
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var dispatcher = env.Dispatcher(clock, new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "1",
            ["Alerts:PollInterval"] = "00:00:00.100",
            // The read-back would find the members without events missing: a condition of its own.
            ["Verification:SampleSize"] = "0",
        });

        // Three nights, one a day: the usual level, the jump, and the same count the night after.
        var reports = new List<RunReport>();
        for (var night = 1; night <= 3; night++)
        {
            await dispatcher.TickAsync();
            reports.Add((await dispatcher.WaitForRunsAsync(program.ProgramId, count: night))[0].Report);
            program.Events.Clear();
            program.Events.AddRange(allEvents);
            clock.Now = clock.Now.AddDays(1);
        }

        // 0 → 110 is a rise of at least the default 100 and of more than half the usual level; staying there is no news.
        Assert.Equal([0L, 110L, 110L], reports.Select(r => r.MembersNotInMoEngage));
        var alert = Assert.Single(await receiver.WaitForAsync(1)).Body;
        Assert.Equal(("members_not_in_moengage", "raised"), (alert.GetProperty("kind").GetString(), alert.GetProperty("state").GetString()));
        Assert.Equal((110, 0), (alert.GetProperty("figures").GetProperty("members").GetInt64(), alert.GetProperty("figures").GetProperty("usual").GetInt64()));
        Assert.Contains("jumped from 0 to 110", alert.GetProperty("text").GetString());
        Assert.Single(await DeliveriesAsync(dispatcher, program.ProgramId));
        Assert.True(Assert.Single(receiver.Requests).SignatureValid);
    }

    [Fact]
    public async Task AReceiversServerErrorsAreRetriedWithGrowingBackOffAndAReceiverThatNeverRecoversIsGivenUp()
    {
        var program = await env.ProgramAsync(members: 1, events: 0);
        await using var flaky = await WebhookReceiver.StartAsync();
        await using var down = await WebhookReceiver.StartAsync();
        flaky.AnswerNext(500, 503);
        down.AnswerNext(500, 502, 500, 500);
        program.AlertTargets.Add(new AlertTarget("flaky", flaky.Url, null));
        program.AlertTargets.Add(new AlertTarget("down", down.Url, null));
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>
        {
            ["Alerts:PollInterval"] = "00:00:00.050",
            ["Alerts:FirstRetryDelay"] = "00:00:00.300",
            ["Alerts:MaxAttempts"] = "3",
        });
        using var admin = dispatcher.Admin();

        var response = await admin.PostAsync($"/v1/programs/{program.ProgramId}/alerts/test", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<TestAlertAccepted>(DispatcherApp.Json))!;
        Assert.Equal(2, accepted.DeliveryIds.Count);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<AlertDelivery> deliveries;
        while ((deliveries = await DeliveriesAsync(dispatcher, program.ProgramId)).Any(d => d.State == DeliveryState.Pending))
        {
            Assert.True(DateTime.UtcNow < deadline, "deliveries still pending");
            await Task.Delay(100);
        }

        var delivered = Assert.Single(deliveries, d => d.TargetId == "flaky");
        Assert.Equal((DeliveryState.Delivered, 3, 200, flaky.Url), (delivered.State, delivered.Attempts, delivered.LastStatus, delivered.Url));
        Assert.Equal(AlertCondition.Test, delivered.Kind);
        var tries = flaky.Requests.ToList();
        Assert.Equal(3, tries.Count);
        Assert.All(tries, t => Assert.Equal((delivered.DeliveryId.ToString(), tries[0].Raw, (bool?)null), (t.DeliveryId, t.Raw, t.SignatureValid)));
        Assert.True(tries[1].At - tries[0].At >= TimeSpan.FromMilliseconds(300), $"first retry after {tries[1].At - tries[0].At}");
        Assert.True(tries[2].At - tries[1].At >= TimeSpan.FromMilliseconds(600), $"second retry after {tries[2].At - tries[1].At}");
        Assert.Equal("test", tries[0].Body.GetProperty("state").GetString());
        Assert.Contains("test alert", tries[0].Body.GetProperty("text").GetString());

        var failed = Assert.Single(deliveries, d => d.TargetId == "down");
        Assert.Equal((DeliveryState.Failed, 3, 500), (failed.State, failed.Attempts, failed.LastStatus));
        Assert.Equal("gave up after 3 attempts: the webhook answered HTTP 500", failed.LastError);
        Assert.Equal(3, down.Requests.Count);
    }

    [Fact]
    public async Task AWebhookOnAPrivateLinkLocalOrLoopbackAddressIsRefusedAtDeliveryWithoutAConnection()
    {
        var program = await env.ProgramAsync(members: 1, events: 0);
        await using var receiver = await WebhookReceiver.StartAsync();
        var port = new Uri(receiver.Url).Port;
        program.AlertTargets.Add(new AlertTarget("private", "https://10.20.30.40/hook", null));
        program.AlertTargets.Add(new AlertTarget("metadata", "https://169.254.169.254/latest/meta-data", null));
        program.AlertTargets.Add(new AlertTarget("loopback", $"https://127.0.0.1:{port}/hook", null));
        program.AlertTargets.Add(new AlertTarget("localhost", receiver.Url, null));
        // As in production: no localhost exception.
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>
        {
            ["Alerts:PollInterval"] = "00:00:00.050",
            ["Alerts:AllowLocalhost"] = "false",
        });
        using var admin = dispatcher.Admin();

        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/v1/programs/{program.ProgramId}/alerts/test", null)).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<AlertDelivery> deliveries;
        while ((deliveries = await DeliveriesAsync(dispatcher, program.ProgramId)).Any(d => d.State == DeliveryState.Pending))
        {
            Assert.True(DateTime.UtcNow < deadline, "deliveries still pending");
            await Task.Delay(100);
        }

        Assert.All(deliveries, d => Assert.Equal((DeliveryState.Failed, 1, (int?)null), (d.State, d.Attempts, d.LastStatus)));
        var errors = deliveries.ToDictionary(d => d.TargetId, d => d.LastError!);
        Assert.Contains("10.20.30.40 is a private address", errors["private"]);
        Assert.Contains("169.254.169.254 is a link-local address", errors["metadata"]);
        Assert.Contains("127.0.0.1 is a loopback address", errors["loopback"]);
        Assert.Contains("https", errors["localhost"]);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ATestAlertNeedsAKnownProgramWithTargets()
    {
        var program = await env.ProgramAsync(members: 1, events: 0);
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/v1/programs/{program.ProgramId}/alerts/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/v1/programs/no-such-program/alerts/test", null)).StatusCode);
        Assert.Empty(await DeliveriesAsync(dispatcher, program.ProgramId));
    }

    private static async Task<List<AlertDelivery>> DeliveriesAsync(DispatcherApp dispatcher, string programId)
    {
        using var admin = dispatcher.Admin();
        return (await admin.GetFromJsonAsync<List<AlertDelivery>>($"/v1/programs/{programId}/alerts/deliveries", DispatcherApp.Json))!;
    }
}

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class VerificationTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private const string Secret = "whsec-verification-3e8a41";
    private static readonly Dictionary<string, string?> Now = new() { ["Sync:MaxCatchUpDays"] = "1", ["Verification:Delay"] = "00:00:00" };

    [Fact]
    public async Task ASampleOfTheMembersIsReadBackAndMatchesWhatWasSent()
    {
        var program = await env.ProgramAsync(members: 30, events: 3);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>(Now) { ["Verification:SampleSize"] = "7" });

        await dispatcher.TickAsync();
        var run = await VerifiedAsync(dispatcher, program.ProgramId);

        var verification = run.Report.Verification!;
        Assert.Equal((VerificationResult.Done, 7, 7, 0, false), (verification.State, verification.Sampled, verification.Matched, verification.Missing, verification.Flagged));
        Assert.Empty(verification.Differed);
    }

    [Fact]
    public async Task VerificationCatchesAnAttributeTheWorkspaceDidNotStoreAndFlagsTheRun()
    {
        var program = await env.ProgramAsync(members: 30, events: 0);
        await using var dispatcher = env.Dispatcher(settings: Now);
        // MoEngage answers 200 and then drops what it does not take; here points_available never lands.
        await using var lossy = dispatcher.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHttpClient(MoEngageClient.HttpClientName).AddHttpMessageHandler(() => DropAttribute("points_available"))));

        await lossy.TickAsync();
        var run = await VerifiedAsync(lossy, program.ProgramId);

        var verification = run.Report.Verification!;
        Assert.Equal((VerificationResult.Done, 20, 0, 0, true), (verification.State, verification.Sampled, verification.Matched, verification.Missing, verification.Flagged));
        Assert.All(verification.Differed, difference => Assert.Equal(["points_available"], difference.Attributes));
        Assert.Equal(20, verification.Differed.Select(d => d.CustomerId).Distinct().Count());
    }

    [Fact]
    public async Task AVerificationNotYetDueStaysPendingAndTheRunLetsGoOfItsLock()
    {
        var program = await env.ProgramAsync(members: 5, events: 0);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>(Now) { ["Verification:Delay"] = "01:00:00" });

        await dispatcher.TickAsync();
        var run = Assert.Single(await dispatcher.WaitForRunsAsync(program.ProgramId));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(VerificationResult.Pending, run.Report.Verification!.State);
        Assert.True(run.Report.Verification.DueAt > DateTimeOffset.UtcNow.AddMinutes(50));
        // The lock goes when the pass over the program ends, a moment after the run's status is written.
        var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(env.Redis);
        await using (redis)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await redis.GetDatabase().KeyExistsAsync($"dispatch:lock:{program.ProgramId}"))
            {
                Assert.True(DateTime.UtcNow < deadline, "the program's lock was kept");
                await Task.Delay(50);
            }
        }

        Assert.Equal(VerificationResult.Pending, (await dispatcher.RunAsync(run.RunId)).Report.Verification!.State);
    }

    [Fact]
    public async Task AReadBackMoEngageKeepsRefusingStaysPendingThenIsGivenUpAfterADay()
    {
        var program = await env.ProgramAsync(members: 5, events: 0);
        var clock = new FakeClock(DateTimeOffset.UtcNow);
        await using var dispatcher = env.Dispatcher(clock, Now);
        await using var refusing = dispatcher.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHttpClient(MoEngageClient.HttpClientName).AddHttpMessageHandler(RefuseGetUser)));

        await refusing.TickAsync();
        var run = Assert.Single(await refusing.WaitForRunsAsync(program.ProgramId));
        await Task.Delay(500);
        Assert.Equal(VerificationResult.Pending, (await refusing.RunAsync(run.RunId)).Report.Verification!.State);

        clock.Now = clock.Now.AddDays(2);
        await refusing.TickAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        VerificationResult verification;
        while ((verification = (await refusing.RunAsync(run.RunId)).Report.Verification!).State == VerificationResult.Pending)
        {
            Assert.True(DateTime.UtcNow < deadline, "the verification was not given up");
            await Task.Delay(100);
        }

        Assert.Equal(VerificationResult.Skipped, verification.State);
        Assert.Contains("not enabled", verification.Note);
    }

    [Fact]
    public async Task ARestartMidVerificationLosesNothingAndResendsNoAcceptedBody()
    {
        var program = await env.ProgramAsync(members: 30, events: 3);
        var readBackStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var dispatcher = env.Dispatcher(settings: Now);
        var stopped = dispatcher.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHttpClient(MoEngageClient.HttpClientName).AddHttpMessageHandler(() => HangGetUser(readBackStarted))));

        await stopped.TickAsync();
        await readBackStarted.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var run = Assert.Single(await stopped.RunsAsync(program.ProgramId));
        Assert.Equal((RunStatus.Succeeded, VerificationResult.Pending), (run.Status, run.Report.Verification!.State));
        await stopped.DisposeAsync();

        // A new replica finds the verification still pending at start-up and completes it, without rerunning the night.
        await using var resumed = env.Dispatcher(settings: Now);
        await resumed.TickAsync();
        var verified = await VerifiedAsync(resumed, program.ProgramId);

        Assert.Equal((run.RunId, RunStatus.Succeeded, 1), (verified.RunId, verified.Status, verified.Attempts));
        var verification = verified.Report.Verification!;
        Assert.Equal((VerificationResult.Done, 20, 20, false), (verification.State, verification.Sampled, verification.Matched, verification.Flagged));
        await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 30, events: 3);
    }

    [Fact]
    public async Task VerificationThatMostlyFailsRaisesOneAlertWhileItLastsAndOneWhenItPassesAgain()
    {
        var program = await env.ProgramAsync(members: 30, events: 0);
        await using var receiver = await program.AlertReceiverAsync(Secret);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>(Now) { ["Alerts:PollInterval"] = "00:00:00.100" });
        var dropping = true;
        await using var lossy = dispatcher.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHttpClient(MoEngageClient.HttpClientName).AddHttpMessageHandler(() => DropAttribute("points_available", () => dropping))));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(program.TimeZone)).Date);

        // Two failing nights (the tick's, then a manual one), then one that lands as sent.
        await lossy.TickAsync();
        var failing = await VerifiedAsync(lossy, program.ProgramId);
        var again = await ManualVerifiedAsync(lossy, program.ProgramId, today.AddDays(-3));
        dropping = false;
        var passing = await ManualVerifiedAsync(lossy, program.ProgramId, today.AddDays(-4));

        Assert.Equal((true, true, false), (failing.Report.Verification!.Flagged, again.Report.Verification!.Flagged, passing.Report.Verification!.Flagged));
        var alerts = await receiver.WaitForAsync(2);
        Assert.Equal(["verification_failing", "verification_failing_resolved"], alerts.Select(a => a.Body.GetProperty("kind").GetString()));
        Assert.Equal(failing.RunId, alerts[0].Body.GetProperty("run").GetProperty("runId").GetGuid());
        Assert.Contains("do not match what was sent", alerts[0].Body.GetProperty("text").GetString());
        Assert.Equal(passing.RunId, alerts[1].Body.GetProperty("run").GetProperty("runId").GetGuid());
        Assert.All(alerts, alert => Assert.True(alert.SignatureValid));
        using var admin = lossy.Admin();
        Assert.Equal(2, (await admin.GetFromJsonAsync<List<AlertDelivery>>($"/v1/programs/{program.ProgramId}/alerts/deliveries", DispatcherApp.Json))!.Count);
    }

    private static async Task<SyncRunResponse> ManualVerifiedAsync(ServiceHost<Program> app, string programId, DateOnly date)
    {
        using var admin = app.Admin();
        var accepted = await admin.PostAsJsonAsync($"/v1/programs/{programId}/sync-runs", new { businessDate = $"{date:yyyy-MM-dd}" });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, accepted.StatusCode);
        return await VerifiedAsync(app, programId, date);
    }

    private static async Task<SyncRunResponse> VerifiedAsync(ServiceHost<Program> app, string programId, DateOnly? date = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var runs = await app.RunsAsync(programId);
            var of = date is null ? runs.SingleOrDefault() : runs.SingleOrDefault(r => r.BusinessDate == $"{date:yyyy-MM-dd}");
            if (of is { Report.Verification.State: not VerificationResult.Pending } run)
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, "verification did not complete within 60 s");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Holds the read-back's Get User calls (those asking for attributes; the existence gate asks for none) until
    /// the replica stops, as a crash mid-read-back would leave them.
    /// </summary>
    private static StubHandler HangGetUser(TaskCompletionSource started) =>
        new(async (request, next, cancellationToken) =>
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/customers/export", StringComparison.Ordinal)
                || JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!["data"]!["user_fields_to_export"]!.AsArray().Count == 0)
            {
                return await next(request, cancellationToken);
            }

            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new OperationCanceledException(cancellationToken);
        });

    /// <summary>Answers Get User as MoEngage does for a workspace where it is not enabled.</summary>
    private static StubHandler RefuseGetUser() =>
        new((request, next, cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith("/customers/export", StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.Forbidden)
                {
                    Content = new StringContent("""{"status":"fail","error":{"message":"The Get User API is not enabled for this workspace"}}"""),
                })
                : next(request, cancellationToken));

    /// <summary>
    /// Takes one attribute out of every customer element of a Bulk body, as if MoEngage had not stored it;
    /// only while <paramref name="dropping"/> says so, when given.
    /// </summary>
    private static StubHandler DropAttribute(string name, Func<bool>? dropping = null) =>
        new(async (request, next, cancellationToken) =>
        {
            if (request.RequestUri!.AbsolutePath.Contains("/transition/", StringComparison.Ordinal) && (dropping?.Invoke() ?? true))
            {
                var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
                foreach (var element in body["elements"]!.AsArray())
                {
                    element!["attributes"]?.AsObject().Remove(name);
                }

                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            return await next(request, cancellationToken);
        });
}

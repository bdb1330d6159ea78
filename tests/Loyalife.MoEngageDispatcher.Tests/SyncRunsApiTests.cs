namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class SyncRunsApiTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd");

    [Fact]
    public async Task AManualRunIsAcceptedAtOnceAndLeavesAReadableReport()
    {
        var program = await env.ProgramAsync(members: 25, events: 6);
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        using var response = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = Yesterday });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<SyncRunAccepted>())!.RunId;
        Assert.Equal($"/v1/sync-runs/{runId}", response.Headers.Location?.OriginalString);
        await dispatcher.WaitForRunsAsync(program.ProgramId);
        var run = await dispatcher.RunAsync(runId);
        Assert.Equal((RunStatus.Succeeded, RunTrigger.Manual, Yesterday), (run.Status, run.Trigger, run.BusinessDate));
        Assert.Equal(25, run.Report.MembersSent);
        Assert.Equal(6, run.Report.EventsSent.Values.Sum());
        Assert.NotNull(run.DurationSeconds);
        Assert.True(run.Report.Days[Yesterday].Completed);
    }

    [Fact]
    public async Task LatestMeansTheProgramsLatestClosedDate()
    {
        var program = await env.ProgramAsync(members: 3, events: 0, timeZone: "Asia/Kolkata");
        var clock = new FakeClock(DateTimeOffset.Parse("2026-11-27T18:30:00Z"));
        await using var dispatcher = env.Dispatcher(clock);
        using var admin = dispatcher.Admin();

        using var response = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = "latest" });
        var runId = (await response.Content.ReadFromJsonAsync<SyncRunAccepted>())!.RunId;

        Assert.Equal("2026-11-27", (await dispatcher.RunAsync(runId)).BusinessDate);
        await dispatcher.WaitForRunsAsync(program.ProgramId);
    }

    [Fact]
    public async Task TheDispatcherAnswersItsLivenessProbe()
    {
        await using var dispatcher = env.Dispatcher();
        using var client = dispatcher.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task ABackfillRunsEveryDateOfTheRangeOldestFirst()
    {
        var program = await env.ProgramAsync(members: 4, events: 1);
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();
        var from = DateTime.UtcNow.AddDays(-40).ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.AddDays(-38).ToString("yyyy-MM-dd");

        using var response = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { from, to });
        var runId = (await response.Content.ReadFromJsonAsync<SyncRunAccepted>())!.RunId;
        await dispatcher.WaitForRunsAsync(program.ProgramId);

        var run = await dispatcher.RunAsync(runId);
        Assert.Equal((RunStatus.Succeeded, RunTrigger.Backfill), (run.Status, run.Trigger));
        Assert.Equal(3, run.Report.Days.Count(day => day.Value.Completed));
        Assert.Equal(12, run.Report.MembersSent);
        var dates = program.PagesServed.Select(p => p.Split(' ')[0]).Distinct();
        Assert.Equal(Enumerable.Range(0, 3).Select(n => DateOnly.Parse(from).AddDays(n).ToString("yyyy-MM-dd")), dates);
    }

    [Fact]
    public async Task ADryRunBuildsEveryRequestSendsNothingAndEstimatesTheDurationAtTheQuota()
    {
        var program = await env.ProgramAsync(members: 600, events: 300);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?> { ["Sync:Quota:UsersPerMinute"] = "600" });
        using var admin = dispatcher.Admin();

        using var response = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = Yesterday, dryRun = true });
        var runId = (await response.Content.ReadFromJsonAsync<SyncRunAccepted>())!.RunId;
        await dispatcher.WaitForRunsAsync(program.ProgramId);

        var run = await dispatcher.RunAsync(runId);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.True(run.DryRun);
        Assert.Equal(600, run.Report.MembersSent);
        Assert.Equal(300, run.Report.EventsSent.Values.Sum());
        Assert.True(run.Report.Requests >= 2 && run.Report.Bytes > 600 * 100);
        Assert.Equal(60 + 0.3, run.Report.EstimatedSeconds);
        Assert.Equal(0, (await env.StandIn.StatsAsync(program.AppId)).Stat("requests"));
        // A dry run does not count as delivered: the nightly tick still syncs that date.
        Assert.Empty(await DeliveredAsync(program.ProgramId));
    }

    [Fact]
    public async Task ASecondRunWhileOneIsInProgressIsAConflict()
    {
        var program = await env.ProgramAsync(members: 60, events: 0, faults: new JsonObject { ["slowRate"] = 1.0, ["slowMilliseconds"] = 200 });
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?> { ["MoEngage:MaxBodyBytes"] = "1024" });
        using var admin = dispatcher.Admin();

        using var first = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = Yesterday });
        using var second = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = Yesterday });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        await dispatcher.WaitForRunsAsync(program.ProgramId);
    }

    [Theory]
    [InlineData("""{"businessDate":"2026-13-01"}""", "businessDate")]
    [InlineData("""{"businessDate":"yesterday"}""", "businessDate")]
    [InlineData("""{}""", "businessDate")]
    [InlineData("""{"businessDate":"2026-01-01","from":"2026-01-01","to":"2026-01-02"}""", "businessDate")]
    [InlineData("""{"from":"2026-01-05","to":"2026-01-02"}""", "to")]
    [InlineData("""{"from":"2024-01-05","to":"2026-01-02"}""", "to")]
    public async Task AMalformedRequestIsABadRequestNamingTheField(string body, string field)
    {
        var program = await env.ProgramAsync(members: 1, events: 0);
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        using var response = await admin.PostAsync($"/v1/programs/{program.ProgramId}/sync-runs",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task ADateNotClosedYetIsABadRequest()
    {
        var program = await env.ProgramAsync(members: 1, events: 0);
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        using var response = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs",
            new { businessDate = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not closed yet", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownProgramsAndRunsAreNotFoundProblems()
    {
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        using var program = await admin.PostAsJsonAsync("/v1/programs/no-such-program/sync-runs", new { businessDate = Yesterday });
        using var run = await admin.GetAsync($"/v1/sync-runs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, program.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, run.StatusCode);
        Assert.Equal("application/problem+json", run.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ADisabledIntegrationCannotBeRunButCanBeDryRun()
    {
        var program = await env.ProgramAsync(members: 2, events: 0);
        program.Enabled = false;
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        using var real = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = Yesterday });
        using var dry = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = Yesterday, dryRun = true });

        Assert.Equal(HttpStatusCode.Conflict, real.StatusCode);
        Assert.Contains("disabled", await real.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, dry.StatusCode);
        await dispatcher.WaitForRunsAsync(program.ProgramId);
    }

    [Theory]
    [InlineData("POST", "/v1/programs/p/sync-runs", null)]
    [InlineData("GET", "/v1/programs/p/sync-runs", "wrong-token")]
    [InlineData("GET", "/v1/sync-runs/00000000-0000-0000-0000-000000000000", null)]
    public async Task AdminEndpointsRefuseCallersWithoutTheAdminToken(string method, string path, string? token)
    {
        await using var dispatcher = env.Dispatcher();
        using var client = dispatcher.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { businessDate = Yesterday }) };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TheCronRouteRefusesCallsThatDidNotComeThroughDapr()
    {
        await using var dispatcher = env.Dispatcher();
        using var client = dispatcher.CreateClient();
        using var admin = dispatcher.Admin();

        using var direct = await client.PostAsync("/nightly-sync", null);
        using var withAdminToken = await admin.PostAsync("/nightly-sync", null);

        Assert.Equal(HttpStatusCode.Unauthorized, direct.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withAdminToken.StatusCode);
    }

    private async Task<List<DateOnly>> DeliveredAsync(string programId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(env.Database);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT business_date FROM dispatch.synced_days WHERE program_id = @p", connection);
        command.Parameters.AddWithValue("p", programId);
        var days = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            days.Add(reader.GetFieldValue<DateOnly>(0));
        }

        return days;
    }
}

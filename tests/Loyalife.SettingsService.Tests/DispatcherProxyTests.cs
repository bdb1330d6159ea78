namespace Loyalife.SettingsService.Tests;

/// <summary>The admin page's way to the dispatcher: unknown programs answered here, everything else forwarded through Dapr.</summary>
public sealed class DispatcherProxyTests
{
    private static readonly Guid DemoRun = Guid.Parse("0b9d7a4e-3c1f-4f6a-9d55-2f1e8c7a6b01");
    private static readonly Guid OtherRun = Guid.Parse("5e2c1b8d-7a44-4c0e-8f3b-9d6a1e2f4c02");

    [Fact]
    public async Task EveryProxiedEndpointIsA502WhenTheDispatcherIsAwayAndA404ForAnUnknownProgram()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        var root = SettingsPaths.MoEngage("demo");
        foreach (var (method, path) in Endpoints(root))
        {
            using var away = await host.Admin.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(away.StatusCode == HttpStatusCode.BadGateway, $"{method} {path}: {(int)away.StatusCode}");
            Assert.Equal("application/problem+json", away.Content.Headers.ContentType?.MediaType);

            using var unknown = await host.Admin.SendAsync(new HttpRequestMessage(method, path.Replace("/demo/", "/no-such-program/")));
            Assert.True(unknown.StatusCode == HttpStatusCode.NotFound, $"{method} {path} of an unknown program: {(int)unknown.StatusCode}");
        }
    }

    [Fact]
    public async Task ARunOfTheProgramIsShownAndARunOfAnotherProgramIsNot()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
            app.MapGet("/v1/sync-runs/{runId:guid}", (Guid runId) =>
                runId == DemoRun ? Results.Json(new { runId, programId = "demo", status = "succeeded" })
                : runId == OtherRun ? Results.Json(new { runId, programId = "someone-else", status = "succeeded" })
                : Results.Problem(title: "Unknown run", statusCode: 404)));

        using var demo = await host.Admin.GetAsync($"{SettingsPaths.MoEngage("demo")}/sync-runs/{DemoRun}");
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
        Assert.Equal("succeeded", (await Json.ReadAsync(demo)).Text("status"));

        using var other = await host.Admin.GetAsync($"{SettingsPaths.MoEngage("demo")}/sync-runs/{OtherRun}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("someone-else", await other.Content.ReadAsStringAsync());

        using var missing = await host.Admin.GetAsync($"{SettingsPaths.MoEngage("demo")}/sync-runs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task ReleaseAndSkipAreForwardedTheirConflictPassesOnAndEachDecisionIsAudited()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
        {
            app.MapPost("/v1/programs/{programId}/sync-runs/{runId:guid}/release", (string programId, Guid runId) =>
                Results.Json(new { runId, programId, status = "pending" }));
            app.MapPost("/v1/programs/{programId}/sync-runs/{runId:guid}/skip", () =>
                Results.Problem(title: "The run is not held", statusCode: 409));
        });
        var runs = $"{SettingsPaths.MoEngage("demo")}/sync-runs/{DemoRun}";

        using var released = await host.Admin.PostAsync(runs + "/release", null);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("pending", (await Json.ReadAsync(released)).Text("status"));

        using var skipped = await host.Admin.PostAsync(runs + "/skip", null);
        Assert.Equal(HttpStatusCode.Conflict, skipped.StatusCode);
        Assert.Equal("The run is not held", (await Json.ReadAsync(skipped)).Text("title"));

        var audit = await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo") + "/audit"));
        var decisions = audit.EnumerateArray().Where(entry => entry.Text("action").StartsWith("sync-run-", StringComparison.Ordinal)).ToList();
        var release = Assert.Single(decisions);
        Assert.Equal("sync-run-release", release.Text("action"));
        Assert.Equal(DemoRun.ToString(), release.GetProperty("changes").Text("runId"));
        Assert.Equal("admin-token", release.Text("actor"));
    }

    [Fact]
    public async Task AHeldPassesSkipIsForwardedToItsPassAndAuditedWithIt()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        var forwarded = new List<string>();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
            app.MapPost("/v1/programs/{programId}/intraday-passes/{passId:guid}/{decision}", (HttpRequest request, Guid passId) =>
            {
                forwarded.Add(request.Path.Value!);
                return Results.Json(new { passId, status = "skipped" });
            }));

        using var skipped = await host.Admin.PostAsync($"{SettingsPaths.MoEngage("demo")}/intraday-passes/{DemoRun}/skip", null);

        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        Assert.Equal([$"/v1/programs/demo/intraday-passes/{DemoRun}/skip"], forwarded);
        var audit = await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo") + "/audit"));
        var decision = audit.EnumerateArray().Single(entry => entry.Text("action").StartsWith("intraday-pass-", StringComparison.Ordinal));
        Assert.Equal(("intraday-pass-skip", DemoRun.ToString(), "admin-token"),
            (decision.Text("action"), decision.GetProperty("changes").Text("passId"), decision.Text("actor")));
    }

    [Fact]
    public async Task MembersNotInMoEngagePassOnTheQueryAndTheCsvAcceptAndNothingElse()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
            app.MapGet("/v1/programs/{programId}/members-not-in-moengage", (HttpRequest request) =>
                request.Headers.Accept.ToString() == "text/csv"
                    ? Results.Text("memberId,customerId,since,lastChecked\nM1,C1,2026-11-01,2026-11-30\n", "text/csv")
                    : Results.Json(new { query = request.QueryString.Value, items = Array.Empty<object>(), next = (string?)null, total = 0 })));
        var path = SettingsPaths.MoEngage("demo") + "/members-not-in-moengage";

        var json = await Json.ReadAsync(await host.Admin.GetAsync(path + "?search=C00&after=abc&limit=5&evil=1"));
        Assert.Equal("?search=C00&after=abc&limit=5", json.Text("query"));

        using var request = new HttpRequestMessage(HttpMethod.Get, path + "?search=C1");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await host.Admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("memberId,customerId,since,lastChecked\nM1,C1", await csv.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ADispatcherThatFailsOrRefusesTheAdminIsA502NotItsOwnAnswer()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
        {
            app.MapGet("/v1/programs/{programId}/sync-runs", () => Results.StatusCode(500));
            app.MapGet("/v1/programs/{programId}/members-not-in-moengage", () => Results.Unauthorized());
        });

        using var failed = await host.Admin.GetAsync(SettingsPaths.MoEngage("demo") + "/sync-runs");
        using var refused = await host.Admin.GetAsync(SettingsPaths.MoEngage("demo") + "/members-not-in-moengage");

        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Contains("HTTP 500", (await Json.ReadAsync(failed)).Text("detail"));
        // The admin's own token was accepted here: a 401 passed on would sign them out of the page.
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
    }

    private static IEnumerable<(HttpMethod Method, string Path)> Endpoints(string root) =>
    [
        (HttpMethod.Get, root + "/sync-runs"),
        (HttpMethod.Get, $"{root}/sync-runs/{DemoRun}"),
        (HttpMethod.Post, $"{root}/sync-runs/{DemoRun}/release"),
        (HttpMethod.Post, $"{root}/sync-runs/{DemoRun}/skip"),
        (HttpMethod.Get, root + "/members-not-in-moengage"),
        (HttpMethod.Get, root + "/intraday-days"),
        (HttpMethod.Get, root + "/intraday-passes/held"),
        (HttpMethod.Post, $"{root}/intraday-passes/{DemoRun}/release"),
        (HttpMethod.Post, $"{root}/intraday-passes/{DemoRun}/skip"),
        (HttpMethod.Get, root + "/members/M00000001"),
        (HttpMethod.Get, root + "/members?customerId=C0000001"),
    ];
}

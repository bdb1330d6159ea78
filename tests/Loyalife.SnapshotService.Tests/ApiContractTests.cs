namespace Loyalife.SnapshotService.Tests;

/// <summary>Bad input answers RFC 7807 problems; every API route needs the Dapr app token.</summary>
public sealed class ApiContractTests(ScenarioLedger ledger) : IClassFixture<ScenarioLedger>
{
    [Theory]
    [InlineData("/v1/programs/nope/snapshots/2026-11-27/members", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/nope/snapshots/2026-11-27/summary", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/nope/snapshots/2026-11-27/anomalies", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/nope", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-28/members", HttpStatusCode.Conflict)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-28/events", HttpStatusCode.Conflict)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-28/summary", HttpStatusCode.Conflict)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-28/anomalies", HttpStatusCode.Conflict)]
    [InlineData("/v1/programs/p1/snapshots/2026-13-01/members", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/27-11-2026/events", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/yesterday/summary", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-02-30/anomalies", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members?after=***", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/events?after=bm90LWEtY3Vyc29y", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members?limit=10001", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/events?limit=ten", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/events?limit=-5", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members/M404", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members/m1", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members/M5", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/nope/snapshots/2026-11-27/members/M1", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-28/members/M1", HttpStatusCode.Conflict)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-31/members/M1", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members/M1%01", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/nope/members?customerId=C1", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/p1/members", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/p1/members?customerId=%20", HttpStatusCode.BadRequest)]
    public async Task BadInputAnswersAProblem(string path, HttpStatusCode expected)
    {
        using var response = await ledger.App.Client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AMembersCursorIsNotAcceptedForEvents()
    {
        var page = await ledger.App.GetJsonAsync("/v1/programs/p1/snapshots/2026-11-27/members?limit=1");
        var cursor = page.GetProperty("next").GetString()!;

        using var response = await ledger.App.Client.GetAsync("/v1/programs/p1/snapshots/2026-11-27/events?after=" + Uri.EscapeDataString(cursor));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task ADateClosesAtTheFirstInstantOfTheNextLocalDay()
    {
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.Parse("2026-11-27T22:59:59Z"));
        await new LedgerWriter(app.ConnectionString).ProgramAsync("p1", "Europe/Amsterdam", "Bronze");

        using var open = await app.Client.GetAsync("/v1/programs/p1/snapshots/2026-11-27/summary");
        app.Time.SetUtcNow(DateTimeOffset.Parse("2026-11-27T23:00:00Z"));
        using var closed = await app.Client.GetAsync("/v1/programs/p1/snapshots/2026-11-27/summary");

        Assert.Equal(HttpStatusCode.Conflict, open.StatusCode);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    [Theory]
    [InlineData("/v1/programs")]
    [InlineData("/v1/programs/p1")]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members")]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/events")]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/summary")]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/anomalies")]
    [InlineData("/v1/programs/p1/snapshots/2026-11-27/members/M1")]
    [InlineData("/v1/programs/p1/members?customerId=C1")]
    public async Task EveryRouteRequiresTheDaprAppToken(string path)
    {
        using var anonymous = ledger.App.Host.CreateClient();
        using var wrong = ledger.App.Host.CreateClient();
        wrong.DefaultRequestHeaders.Add("dapr-api-token", "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ledger.App.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ProgramsListNamesZoneAndTiers()
    {
        var programs = await ledger.App.GetJsonAsync("/v1/programs");
        var program = await ledger.App.GetJsonAsync("/v1/programs/p1");

        JsonAssert.Equal("""[{"programId":"p1","name":"Program p1","timeZone":"Europe/Amsterdam","tiers":["Bronze","Silver","Gold"]}]""", programs);
        JsonAssert.Equal("""{"programId":"p1","name":"Program p1","timeZone":"Europe/Amsterdam","tiers":["Bronze","Silver","Gold"]}""", program);
    }
}

namespace Loyalife.MoEngageStandIn.Tests;

public sealed class QuotaTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private Task<string> WorkspaceWithLimitsAsync(JsonObject limits) =>
        Client.CreateWorkspaceAsync(body: new JsonObject { ["limits"] = limits, ["customerIds"] = new JsonArray("C1", "C2", "C3") });

    private static (int Limit, int Remaining, int Reset) Headers(HttpResponseMessage response) =>
        (Header(response, "x-ratelimit-limit"), Header(response, "x-ratelimit-remaining"), Header(response, "x-ratelimit-reset"));

    private static int Header(HttpResponseMessage response, string name) =>
        int.Parse(Assert.Single(response.Headers.GetValues(name)), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task BulkUsersBeyondTheMinutesQuotaGet429WithRateLimitHeaders()
    {
        var appId = await WorkspaceWithLimitsAsync(new JsonObject { ["bulkUsersPerMinute"] = 3, ["bulkEventsPerMinute"] = null });
        var two = Bulk(Customer("C1", new { a = 1 }), Customer("C2", new { a = 2 }));

        var first = await Client.BulkAsync(appId, two);
        var second = await Client.BulkAsync(appId, two);
        var third = await Client.BulkAsync(appId, Bulk(Customer("C3", new { a = 3 })));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((3, 1), (Headers(first).Limit, Headers(first).Remaining));
        Assert.InRange(Headers(first).Reset, 1, 60);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal((3, 1), (Headers(second).Limit, Headers(second).Remaining));
        Assert.Equal("fail", JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(0, Headers(third).Remaining);
        var stats = await Client.StatsAsync(appId);
        Assert.Equal(1, stats.Stat("rateLimited"));
        Assert.Equal(3, stats.Stat("customersUpdated"));
    }

    [Fact]
    public async Task BulkEventsCountActionsAgainstTheirOwnQuota()
    {
        var appId = await WorkspaceWithLimitsAsync(new JsonObject { ["bulkUsersPerMinute"] = null, ["bulkEventsPerMinute"] = 2 });
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);

        var customers = await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 }), Customer("C2", new { a = 1 }), Customer("C3", new { a = 1 })));
        var twoEvents = await Client.BulkAsync(appId, Bulk(Event("C1", "e", yesterday), Event("C2", "e", yesterday)));
        var oneMore = await Client.BulkAsync(appId, Bulk(Event("C3", "e", yesterday)));

        Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
        Assert.Equal((2, 2), (Headers(customers).Limit, Headers(customers).Remaining));
        Assert.Equal(HttpStatusCode.OK, twoEvents.StatusCode);
        Assert.Equal(0, Headers(twoEvents).Remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, oneMore.StatusCode);
    }

    [Fact]
    public async Task TrackUserAndCreateEventHaveTheirOwnPerMinuteQuotas()
    {
        var appId = await WorkspaceWithLimitsAsync(new JsonObject { ["trackUserPerMinute"] = 1, ["createEventPerMinute"] = 1 });
        var user = JsonSerializer.Serialize(Customer("C1", new { a = 1 }));
        var @event = JsonSerializer.Serialize(Event("C1", "e", DateTimeOffset.UtcNow.AddDays(-1)));

        var users = new[] { await Track(appId, user), await Track(appId, user) };
        var events = new[] { await Create(appId, @event), await Create(appId, @event) };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], users.Select(r => r.StatusCode));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests], events.Select(r => r.StatusCode));
        Assert.All(users.Concat(events), r => Assert.Equal(1, Headers(r).Limit));
    }

    [Fact]
    public async Task UnlimitedEndpointsSendNoRateLimitHeaders()
    {
        var appId = await WorkspaceWithLimitsAsync(new JsonObject { ["bulkUsersPerMinute"] = null, ["bulkEventsPerMinute"] = null });

        var response = await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("x-ratelimit-limit"));
    }

    [Fact]
    public async Task DocumentedDefaultQuotasApplyWhenLimitsAreOmitted()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");

        var bulk = await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 })));
        var track = await Track(appId, JsonSerializer.Serialize(Customer("C1", new { a = 1 })));

        Assert.Equal(60_000, Headers(bulk).Limit);
        Assert.Equal(59_999, Headers(bulk).Remaining);
        Assert.Equal(10_000, Headers(track).Limit);
    }

    private Task<HttpResponseMessage> Track(string appId, string body) => Client.PostAsync($"/dc/01/v1/customer/{appId}", body, appId);

    private Task<HttpResponseMessage> Create(string appId, string body) => Client.PostAsync($"/dc/01/v1/event/{appId}", body, appId);
}

namespace Loyalife.MoEngageStandIn.Tests;

public sealed class BulkImportTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    [Fact]
    public async Task ADocumentedBulkRequestIsAcceptedWithMoEngagesSuccessBody()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");

        var response = await Client.BulkAsync(appId, Bulk(
            Customer("C1", new { points_available = 120, tier = "Gold" }, updateExistingOnly: true),
            Event("C1", "loyalty_points_earned", Yesterday, new { points = 20 })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("success", body.GetProperty("status").GetString());
        Assert.Equal("Your request has been accepted and will be processed soon.", body.GetProperty("message").GetString());
        var customer = await Client.CustomerAsync(appId, "C1");
        Assert.Equal(120, customer.GetProperty("attributes").GetProperty("points_available").GetInt32());
        Assert.Equal("Gold", customer.GetProperty("attributes").GetProperty("tier").GetString());
        var events = await Client.GetJsonAsync($"/control/workspaces/{appId}/events?customerId=C1");
        var stored = Assert.Single(events.EnumerateArray());
        Assert.Equal("loyalty_points_earned", stored.GetProperty("name").GetString());
        Assert.Equal(20, stored.GetProperty("attributes").GetProperty("points").GetInt32());
        Assert.Equal(Yesterday.ToString("yyyy-MM-ddTHH:mm:ssZ"), stored.GetProperty("currentTime").GetString());
    }

    [Fact]
    public async Task UpdateExistingOnlyNeverCreatesAProfile()
    {
        var appId = await Client.CreateWorkspaceAsync();

        await Client.BulkAsync(appId, Bulk(Customer("NEW1", new { tier = "Gold" }, updateExistingOnly: true)));

        var response = await Client.Http.GetAsync($"/control/workspaces/{appId}/customers/NEW1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var stats = await Client.StatsAsync(appId);
        Assert.Equal(1, stats.Stat("customersIgnored"));
        Assert.Equal(0, stats.Stat("customersUpdated"));
    }

    [Fact]
    public async Task WithoutUpdateExistingOnlyAProfileIsCreatedAndLaterWritesWin()
    {
        var appId = await Client.CreateWorkspaceAsync();

        await Client.BulkAsync(appId, Bulk(Customer("NEW2", new { tier = "Silver", points = 1 })));
        await Client.BulkAsync(appId, Bulk(Customer("NEW2", new { tier = "Gold" })));

        var customer = await Client.CustomerAsync(appId, "NEW2");
        Assert.Equal("Gold", customer.GetProperty("attributes").GetProperty("tier").GetString());
        Assert.Equal(1, customer.GetProperty("attributes").GetProperty("points").GetInt32());
        Assert.Equal(2, (await Client.StatsAsync(appId)).Stat("customersUpdated"));
    }

    [Fact]
    public async Task EveryEventIsStoredAndRepeatsAreCountedAsDuplicates()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");
        var batch = Bulk(
            Event("C1", "loyalty_points_earned", Yesterday, new { points = 5 }),
            Event("C1", "loyalty_points_earned", Yesterday.AddSeconds(1), new { points = 5 }));

        await Client.BulkAsync(appId, batch);
        await Client.BulkAsync(appId, batch);

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(4, stats.Stat("eventsAccepted"));
        Assert.Equal(2, stats.Stat("eventsDuplicated"));
        var named = await Client.GetJsonAsync($"/control/workspaces/{appId}/events?name=loyalty_points_earned");
        Assert.Equal(4, named.GetArrayLength());
    }

    [Fact]
    public async Task BadElementsAreRejectedOneByOneWhileTheRequestIsAccepted()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");
        var longName = new string('a', 201);
        var tooMany = Enumerable.Range(0, 101).ToDictionary(i => $"a{i}", i => i);
        var elements = new object[]
        {
            Customer("C1", new { tier = "Gold" }),
            new { type = "Customer", customer_id = "C1", attributes = new { tier = "x" } },
            Customer("unknown", new { tier = "x" }),
            Customer(" N/A ", new { tier = "x" }),
            Customer("C1", new { moe_tier = "x" }),
            Customer("C1", new Dictionary<string, int> { [longName] = 1 }),
            Customer("C1", new { tier = new string('x', 513) }),
            Event("C1", "too_many", Yesterday, tooMany),
            Event("C1", "future", DateTimeOffset.UtcNow.AddHours(1)),
            new { type = "customer", attributes = new { tier = "x" } },
            new { type = "event", customer_id = "C1", actions = Array.Empty<object>() },
        };

        var response = await Client.BulkAsync(appId, Bulk(elements));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = await Client.StatsAsync(appId);
        // Element 4's moe_ attribute is not stored, but the record is applied (UserAttributeTests).
        Assert.Equal(2, stats.Stat("customersUpdated"));
        Assert.Equal(9, stats.Stat("elementsRejected"));
        var logged = (await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit=1"))[0];
        Assert.Equal(9, logged.GetProperty("rejectedElements").GetInt32());
        var reasons = logged.GetProperty("rejections").EnumerateArray()
            .ToDictionary(r => r.GetProperty("index").GetInt32(), r => r.GetProperty("reason").GetString());
        Assert.Equal(Enumerable.Range(1, 10).Where(i => i != 4), reasons.Keys.Order());
        Assert.Contains("lowercase", reasons[1]);
        Assert.Contains("disallowed", reasons[2]);
        Assert.Contains("disallowed", reasons[3]);
        var ignored = Assert.Single(logged.GetProperty("ignoredAttributes").EnumerateArray());
        Assert.Equal(4, ignored.GetProperty("index").GetInt32());
        Assert.Contains("moe_", ignored.GetProperty("reason").GetString());
        Assert.Contains("200", reasons[5]);
        Assert.Contains("512", reasons[6]);
        Assert.Contains("100", reasons[7]);
        Assert.Contains("future", reasons[8]);
        Assert.Contains("customer_id", reasons[9]);
        Assert.Contains("actions", reasons[10]);
        var customer = await Client.CustomerAsync(appId, "C1");
        Assert.Equal("Gold", customer.GetProperty("attributes").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task ConcurrentRequestsToOneWorkspaceAreAllCounted()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["customerIdPattern"] = "^C" });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            for (var i = 0; i < 25; i++)
            {
                var response = await Client.BulkAsync(appId, Bulk(
                    Customer($"C{worker}-{i}", new { n = i }, updateExistingOnly: true),
                    Event($"C{worker}-{i}", "e", Yesterday, new { n = i })));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }));

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(200, stats.Stat("acceptedRequests"));
        Assert.Equal(200, stats.Stat("customersUpdated"));
        Assert.Equal(200, stats.Stat("eventsAccepted"));
        Assert.Equal(0, stats.Stat("eventsDuplicated"));
        Assert.Equal(200, (await Client.GetJsonAsync($"/control/workspaces/{appId}/events")).GetArrayLength());
    }

    [Fact]
    public async Task EventTimesAsEpochNumbersAndEpochStringsAreStoredAsMoEngagesExamplesSendThem()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");
        var at = Yesterday.ToUnixTimeSeconds();
        var body = $$"""
            {"type":"transition","elements":[{"type":"event","customer_id":"C1","actions":[
              {"action":"seconds_text","current_time":"{{at}}"},
              {"action":"milliseconds_text","current_time":"{{at * 1000}}","user_time":"{{at * 1000}}"},
              {"action":"milliseconds","current_time":{{at * 1000}}},
              {"action":"local_only","user_time":{{at + 3600}},"user_timezone_offset":3600}]}]}
            """;

        var response = await Client.BulkAsync(appId, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = (await Client.GetJsonAsync($"/control/workspaces/{appId}/events?customerId=C1")).EnumerateArray().ToList();
        Assert.Equal(4, events.Count);
        Assert.All(events, e => Assert.Equal(Yesterday.ToString("yyyy-MM-ddTHH:mm:ssZ"), e.GetProperty("currentTime").GetString()));
        Assert.Equal(0, (await Client.StatsAsync(appId)).Stat("elementsRejected"));
    }

    [Fact]
    public async Task AFutureDatedEventGivenAsAnEpochStringIsStillDropped()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds();

        var response = await Client.BulkAsync(appId,
            $$"""{"type":"transition","elements":[{"type":"event","customer_id":"C1","actions":[{"action":"later","current_time":"{{future}}"}]}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await Client.GetJsonAsync($"/control/workspaces/{appId}/events")).GetArrayLength());
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("elementsRejected"));
    }

    [Fact]
    public async Task ASuccessBodyCarriesTheRequestIdTheRequestLogKeeps()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");

        var response = await Client.BulkAsync(appId, Bulk(Customer("C1", new { tier = "Gold" })));

        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("request_id").GetString();
        Assert.False(string.IsNullOrEmpty(requestId));
        Assert.Equal(requestId, (await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit=1"))[0].GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("{\"type\":\"transition\",\"elements\":[]}", "elements cannot be empty array")]
    [InlineData("{\"type\":\"transition\"", "Could not decode the request body")]
    [InlineData("{\"elements\":[{\"type\":\"customer\",\"customer_id\":\"C1\"}]}", "transition")]
    [InlineData("[1,2]", "object")]
    public async Task AMalformedRequestIsRefusedAsAWholeWith400(string body, string message)
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.BulkAsync(appId, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await ErrorAsync(response)).GetProperty("message").GetString());
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("rejectedRequests"));
    }
}

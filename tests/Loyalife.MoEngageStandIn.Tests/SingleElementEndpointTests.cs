namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>Track User and Create Event carry one element; a bad one refuses the request.</summary>
public sealed class SingleElementEndpointTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    [Fact]
    public async Task TrackUserCreatesOrUpdatesAProfile()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Track(appId, Customer("U1", new { tier = "Gold" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var customer = await Client.CustomerAsync(appId, "U1");
        Assert.Equal("Gold", customer.GetProperty("attributes").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task TrackUserWithUpdateExistingOnlyIgnoresAnUnknownCustomer()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Track(appId, Customer("U2", new { tier = "Gold" }, updateExistingOnly: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("customersIgnored"));
    }

    [Theory]
    [InlineData("""{"type":"Customer","customer_id":"U1","attributes":{}}""", "lowercase")]
    [InlineData("""{"type":"event","customer_id":"U1","actions":[{"action":"x"}]}""", "'customer'")]
    [InlineData("""{"type":"customer","customer_id":"guest","attributes":{}}""", "disallowed")]
    [InlineData("""{"type":"event","customer_id":"U1","actions":[{"action":"MOE_x"}]}""", "moe_")]
    public async Task TrackUserRefusesABadElementWith400(string body, string reason)
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/01/v1/customer/{appId}", body, appId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await ErrorAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateEventStoresEveryActionOfAKnownCustomer()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("U1");
        var body = """
            {"type":"event","customer_id":"U1","actions":[
              {"action":"a","attributes":{"n":1},"current_time":"2026-01-02T03:04:05Z"},
              {"action":"b","current_time":1767323045}]}
            """;

        var response = await Client.PostAsync($"/dc/01/v1/event/{appId}", body, appId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = (await Client.GetJsonAsync($"/control/workspaces/{appId}/events?customerId=U1")).EnumerateArray().ToList();
        Assert.Equal(["a", "b"], events.Select(e => e.GetProperty("name").GetString()));
        Assert.All(events, e => Assert.Equal("2026-01-02T03:04:05Z", e.GetProperty("currentTime").GetString()));
    }

    [Theory]
    [InlineData("\"1708939453396\"", "2024-02-26T09:24:13.396Z")]
    [InlineData("\"1710740192\"", "2024-03-18T05:36:32Z")]
    [InlineData("1708939453396", "2024-02-26T09:24:13.396Z")]
    [InlineData("1433837969.5", "2015-06-09T08:19:29Z")]
    public async Task CreateEventReadsEpochNumbersAndEpochStrings(string currentTime, string stored)
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("U1");
        var body = $$"""{"type":"event","customer_id":"U1","actions":[{"action":"a","current_time":{{currentTime}},"user_time":{{currentTime}}}]}""";

        var response = await Client.PostAsync($"/dc/01/v1/event/{appId}", body, appId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stored, (await Client.GetJsonAsync($"/control/workspaces/{appId}/events"))[0].GetProperty("currentTime").GetString());
    }

    [Fact]
    public async Task AnErrorNamesMoEngagesTypeAndTheAttributeAtFault()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/01/v1/event/{appId}", """{"type":"event","customer_id":"U1","actions":[]}""", appId);

        var error = await ErrorAsync(response);
        Assert.Equal("MissingAttributeError", error.GetProperty("type").GetString());
        Assert.Equal("actions", error.GetProperty("attribute").GetString());
        Assert.Equal("actions can not be empty Array", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateEventRefusesAFutureDatedEvent()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("U1");

        var response = await Client.PostAsync($"/dc/01/v1/event/{appId}",
            JsonSerializer.Serialize(Event("U1", "late", DateTimeOffset.UtcNow.AddDays(1))), appId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("future", (await ErrorAsync(response)).GetProperty("message").GetString());
        Assert.Equal(0, (await Client.GetJsonAsync($"/control/workspaces/{appId}/events")).GetArrayLength());
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("99999999999999999999")]
    [InlineData("-5")]
    [InlineData("{}")]
    public async Task CreateEventRefusesAnUnreadableTime(string currentTime)
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("U1");
        var body = $$"""{"type":"event","customer_id":"U1","actions":[{"action":"a","current_time":{{currentTime}}}]}""";

        var response = await Client.PostAsync($"/dc/01/v1/event/{appId}", body, appId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("current_time", (await ErrorAsync(response)).GetProperty("message").GetString());
    }

    private Task<HttpResponseMessage> Track(string appId, object element) =>
        Client.PostAsync($"/dc/01/v1/customer/{appId}", JsonSerializer.Serialize(element), appId);
}

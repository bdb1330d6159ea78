namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// MoEngage creates a profile for a customer it does not hold, from a customer record or from an event; only
/// <c>update_existing_only</c> on a customer record stops that. The control API shows which profiles were created.
/// </summary>
public sealed class ProfileCreationTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    [Fact]
    public async Task AnEventForACustomerTheWorkspaceDoesNotHoldCreatesThatProfile()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["customerIdPattern"] = "^C\\d+$" });

        await Client.BulkAsync(appId, Bulk(
            Event("C7", "loyalty_points_earned", Yesterday),
            Event("X7", "loyalty_points_earned", Yesterday),
            Event("X8", "loyalty_points_redeemed", Yesterday)));

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(3, stats.Stat("eventsAccepted"));
        Assert.Equal(2, stats.Stat("profilesCreated"));
        Assert.False(stats.TryGetProperty("eventsDropped", out _));
        var created = await Client.CustomerAsync(appId, "X7");
        Assert.Equal("event", created.GetProperty("origin").GetString());
        Assert.Empty(created.GetProperty("attributes").EnumerateObject());
        Assert.Equal("pattern", (await Client.CustomerAsync(appId, "C7")).GetProperty("origin").GetString());
        var listed = await Client.GetJsonAsync($"/control/workspaces/{appId}/customers?origin=event");
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        Assert.Equal(["X7", "X8"], listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("customerId").GetString()).Order());
        Assert.Equal(3, (await Client.GetJsonAsync($"/control/workspaces/{appId}/events")).GetArrayLength());
    }

    [Fact]
    public async Task ACustomerRecordWithUpdateExistingOnlyNeverCreatesOne()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("K1");

        await Client.BulkAsync(appId, Bulk(
            Customer("K1", new { tier = "Gold" }, updateExistingOnly: true),
            Customer("NEW", new { tier = "Gold" }, updateExistingOnly: true)));

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(0, stats.Stat("profilesCreated"));
        Assert.Equal(1, stats.Stat("customersIgnored"));
        Assert.Equal(1, stats.Stat("customersUpdated"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync($"/control/workspaces/{appId}/customers/NEW")).StatusCode);
        var all = await Client.GetJsonAsync($"/control/workspaces/{appId}/customers");
        Assert.Equal(1, all.GetProperty("total").GetInt32());
        Assert.Equal("defined", all.GetProperty("items")[0].GetProperty("origin").GetString());
    }

    [Fact]
    public async Task ACustomerRecordWithoutTheFlagCreatesTheProfileOnce()
    {
        var appId = await Client.CreateWorkspaceAsync();

        await Client.BulkAsync(appId, Bulk(Customer("NEW", new { tier = "Silver" }), Customer("NEW", new { tier = "Gold" })));

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(1, stats.Stat("profilesCreated"));
        Assert.Equal(2, stats.Stat("customersUpdated"));
        Assert.Equal(("customer", "Gold"), OriginAndTier(await Client.CustomerAsync(appId, "NEW")));
    }

    [Fact]
    public async Task ADefinitionMayHoldProfilesByIdOrWithAttributes()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject
        {
            ["customerIds"] = new JsonArray("A"),
            ["customers"] = new JsonArray("B", new JsonObject
            {
                ["customerId"] = "C",
                ["attributes"] = new JsonObject { ["tier"] = "Gold", ["points"] = 12, ["enrolled"] = "2024-01-02" },
            }),
        });

        await Client.BulkAsync(appId, Bulk(
            Customer("A", new { n = 1 }, updateExistingOnly: true),
            Customer("B", new { n = 2 }, updateExistingOnly: true),
            Customer("C", new { points = 13 }, updateExistingOnly: true)));

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(3, stats.Stat("customersUpdated"));
        Assert.Equal(0, stats.Stat("profilesCreated"));
        var c = await Client.CustomerAsync(appId, "C");
        Assert.Equal(("defined", "Gold"), OriginAndTier(c));
        Assert.Equal(13, c.GetProperty("attributes").GetProperty("points").GetInt32());
        Assert.Equal("date", c.GetProperty("attributeTypes").GetProperty("enrolled").GetString());
        Assert.Equal(3, (await Client.GetJsonAsync($"/control/workspaces/{appId}/customers?origin=defined")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""{"dataCenter":"01","apiKey":"k","customers":[""]}""")]
    [InlineData("""{"dataCenter":"01","apiKey":"k","customers":[{"attributes":{"a":1}}]}""")]
    [InlineData("""{"dataCenter":"01","apiKey":"k","customers":[{"customerId":"C1","attributes":{"":1}}]}""")]
    public async Task ADefinitionsCustomersNeedIdsAndNamedAttributes(string body)
    {
        var response = await Client.Http.PutAsync("/control/workspaces/BADCUSTOMERS", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("customers", out _));
    }

    [Fact]
    public async Task AnUnknownOriginIsAValidationProblem()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.Http.GetAsync($"/control/workspaces/{appId}/customers?origin=magic");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Where a profile came from and the tier it holds: what the creation tests check of a profile a record touched.</summary>
    private static (string? Origin, string? Tier) OriginAndTier(JsonElement profile) =>
        (profile.GetProperty("origin").GetString(), profile.GetProperty("attributes").GetProperty("tier").GetString());
}

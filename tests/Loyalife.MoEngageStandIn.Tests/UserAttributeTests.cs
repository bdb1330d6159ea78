namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// What MoEngage stores of a customer record's attributes: not its own reserved names nor <c>moe_</c> names
/// (counted), and a date only in its two forms; the control API shows each stored attribute's type.
/// </summary>
public sealed class UserAttributeTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    [Fact]
    public async Task ReservedAndMoePrefixedNamesAreNotStoredButCountedWhileTheRestOfTheRecordIs()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");
        var attributes = new Dictionary<string, object>
        {
            ["status"] = "active", ["User_Attribute_User_Email"] = "a@b.c", ["ID"] = 7, ["MOE_points"] = 3,
            ["loyalty_status"] = "active", ["tier"] = "Gold",
        };

        var response = await Client.BulkAsync(appId, Bulk(Customer("C1", attributes)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await Client.CustomerAsync(appId, "C1")).GetProperty("attributes");
        Assert.Equal(["loyalty_status", "tier"], stored.EnumerateObject().Select(a => a.Name).Order());
        var stats = await Client.StatsAsync(appId);
        Assert.Equal(4, stats.Stat("attributesIgnored"));
        Assert.Equal(0, stats.Stat("elementsRejected"));
        Assert.Equal(1, stats.Stat("customersUpdated"));
        var logged = (await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit=1"))[0].GetProperty("ignoredAttributes");
        Assert.Equal(["ID", "MOE_points", "User_Attribute_User_Email", "status"],
            logged.EnumerateArray().Select(a => a.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.All(logged.EnumerateArray(), a => Assert.Equal("C1", a.GetProperty("customerId").GetString()));
    }

    [Fact]
    public async Task TrackUserStoresTheRecordWithoutItsMoeName()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("U1");

        var response = await Client.PostAsync($"/dc/01/v1/customer/{appId}", """{"type":"customer","customer_id":"U1","attributes":{"MOE_x":1,"y":2}}""", appId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await Client.CustomerAsync(appId, "U1")).GetProperty("attributes");
        Assert.Equal("y", Assert.Single(stored.EnumerateObject()).Name);
    }

    [Fact]
    public async Task StandardMoeAttributesMoEngageLetsAClientSetAreStoredAndOtherMoeNamesAreNot()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("U1");

        var response = await Client.PostAsync($"/dc/01/v1/customer/{appId}",
            """{"type":"customer","customer_id":"U1","attributes":{"moe_unsubscribe":true,"moe_sms_subscription":"Opted In","moe_ip_city":"Pune","MOE_UNSUBSCRIBE":true}}""", appId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await Client.CustomerAsync(appId, "U1")).GetProperty("attributes");
        Assert.Equal(["moe_sms_subscription", "moe_unsubscribe"], stored.EnumerateObject().Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await Client.StatsAsync(appId)).Stat("attributesIgnored"));
    }

    [Fact]
    public async Task OnlyMoEngagesTwoDateFormsAreDatesAndEveryOtherDateLikeTextIsAString()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");
        var attributes = new Dictionary<string, object>
        {
            ["day"] = "2026-11-27", ["moment"] = "2026-11-27T10:15:00Z",
            ["fraction"] = "2026-11-27T10:15:00.123Z", ["offset"] = "2026-11-27T10:15:00+01:00", ["local"] = "2026-11-27T10:15:00",
            ["european"] = "27/11/2026", ["impossible"] = "2026-02-30", ["word"] = "Gold",
            ["points"] = 12.5, ["vip"] = true, ["tags"] = new[] { "a", "b" },
        };

        await Client.BulkAsync(appId, Bulk(Customer("C1", attributes)));

        var types = (await Client.CustomerAsync(appId, "C1")).GetProperty("attributeTypes");
        Assert.Equal("date", types.GetProperty("day").GetString());
        Assert.Equal("date", types.GetProperty("moment").GetString());
        foreach (var name in new[] { "fraction", "offset", "local", "european", "impossible", "word" })
        {
            Assert.True(types.GetProperty(name).GetString() == "string", $"{name} is a {types.GetProperty(name)}");
        }

        Assert.Equal("number", types.GetProperty("points").GetString());
        Assert.Equal("boolean", types.GetProperty("vip").GetString());
        Assert.Equal("array", types.GetProperty("tags").GetString());
    }

    [Fact]
    public async Task AnAttributesTypeFollowsItsLatestValue()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");

        await Client.BulkAsync(appId, Bulk(Customer("C1", new { since = "2026-11-27" }), Customer("C1", new { since = "2026-11-27T10:15:00.5Z" })));

        var profile = await Client.CustomerAsync(appId, "C1");
        Assert.Equal("2026-11-27T10:15:00.5Z", profile.GetProperty("attributes").GetProperty("since").GetString());
        Assert.Equal("string", profile.GetProperty("attributeTypes").GetProperty("since").GetString());
    }

    [Fact]
    public async Task BeyondMoEngages256DistinctUserAttributesNewNamesAreNotStored()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1", "C2");
        var many = Enumerable.Range(0, 256).ToDictionary(i => $"a{i}", i => i);

        await Client.BulkAsync(appId, Bulk(Customer("C1", many), Customer("C2", new { a0 = 1, extra = 2 })));

        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("attributesOverLimit"));
        var c2 = (await Client.CustomerAsync(appId, "C2")).GetProperty("attributes");
        Assert.Equal("a0", Assert.Single(c2.EnumerateObject()).Name);
        Assert.Equal(256, (await Client.CustomerAsync(appId, "C1")).GetProperty("attributes").EnumerateObject().Count());
    }
}

using Microsoft.Extensions.Options;

namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// The per-workspace switch between MoEngage's two readings of a Bulk body with an invalid element: <c>drop</c>
/// (200, the invalid elements dropped; the default) and <c>reject</c> (400 naming the fault, nothing applied).
/// </summary>
public sealed class BulkElementFaultsTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    private static readonly object FaultyBody = Bulk(
        Customer("C1", new { tier = "Gold" }),
        Event("C1", "loyalty_points_earned", Yesterday, new { points = 5 }),
        new { type = "customer", attributes = new { tier = "Silver" } });

    [Fact]
    public async Task AWorkspaceDropsInvalidElementsByDefault()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");

        var response = await Client.BulkAsync(appId, FaultyBody);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("drop", (await Client.GetJsonAsync($"/control/workspaces/{appId}")).GetProperty("bulkElementFaults").GetString());
        Assert.Equal("Gold", (await Client.CustomerAsync(appId, "C1")).GetProperty("attributes").GetProperty("tier").GetString());
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("elementsRejected"));
    }

    [Fact]
    public async Task ARejectingWorkspaceAnswers400NamingTheFaultAndAppliesNothingOfTheBody()
    {
        var appId = await RejectingWorkspaceAsync();

        var response = await Client.BulkAsync(appId, FaultyBody);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("MissingAttributeError", error.GetProperty("type").GetString());
        Assert.Equal("customer_id", error.GetProperty("attribute").GetString());
        Assert.Contains("elements[2]", error.GetProperty("message").GetString());
        Assert.Contains("customer_id", error.GetProperty("message").GetString());
        var customer = await Client.CustomerAsync(appId, "C1");
        Assert.Empty(customer.GetProperty("attributes").EnumerateObject());
        Assert.Equal(0, (await Client.GetJsonAsync($"/control/workspaces/{appId}/events")).GetArrayLength());
        var stats = await Client.StatsAsync(appId);
        Assert.Equal(1, stats.Stat("rejectedRequests"));
        Assert.Equal(0, stats.Stat("customersUpdated"));
        Assert.Equal(0, stats.Stat("eventsAccepted"));
        var logged = (await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit=1"))[0];
        Assert.Equal(400, logged.GetProperty("status").GetInt32());
        var rejection = Assert.Single(logged.GetProperty("rejections").EnumerateArray());
        Assert.Equal(2, rejection.GetProperty("index").GetInt32());
        Assert.Equal("customer_id", rejection.GetProperty("attribute").GetString());
    }

    [Fact]
    public async Task ARejectingWorkspaceCountsEveryInvalidElementInItsAnswer()
    {
        var appId = await RejectingWorkspaceAsync();

        var response = await Client.BulkAsync(appId, Bulk(
            new { type = "Customer", customer_id = "C1", attributes = new { } },
            Customer("C1", new { tier = "Gold" }),
            new { type = "event", customer_id = "C1", actions = Array.Empty<object>() },
            Customer("guest", new { tier = "Gold" })));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("AttributeError", error.GetProperty("type").GetString());
        Assert.Equal("type", error.GetProperty("attribute").GetString());
        Assert.Contains("elements[0]", error.GetProperty("message").GetString());
        Assert.Contains("2 more", error.GetProperty("message").GetString());
        Assert.Equal(3, (await Client.StatsAsync(appId)).Stat("elementsRejected"));
    }

    [Fact]
    public async Task ARejectingWorkspaceAppliesAValidBodyAndTakesNoQuotaForARejectedOne()
    {
        var appId = await RejectingWorkspaceAsync(new JsonObject { ["bulkUsersPerMinute"] = 2 });

        var rejected = await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 }), Customer("", new { a = 1 })));
        var accepted = await Client.BulkAsync(appId, Bulk(Customer("C1", new { tier = "Gold" }), Customer("C2", new { tier = "Gold" })));

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("customer_id can not be empty Unicode String", (await ErrorAsync(rejected)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Gold", (await Client.CustomerAsync(appId, "C2")).GetProperty("attributes").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task AnUnknownSettingIsRefusedWithAProblemNamingIt()
    {
        var response = await Client.Http.PutAsJsonAsync("/control/workspaces/BADSWITCH",
            new JsonObject { ["dataCenter"] = "01", ["apiKey"] = Key, ["bulkElementFaults"] = "ignore" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("reject", problem.GetProperty("errors").GetProperty("bulkElementFaults")[0].GetString());
    }

    [Fact]
    public async Task TheSwitchIsReadFromConfigurationAndABadValueStopsTheStart()
    {
        var configured = new Dictionary<string, string?>
        {
            ["StandIn:Workspaces:0:AppId"] = "STRICT",
            ["StandIn:Workspaces:0:DataCenter"] = "01",
            ["StandIn:Workspaces:0:ApiKey"] = Key,
            ["StandIn:Workspaces:0:BulkElementFaults"] = "Reject",
        };
        await using (var standIn = await MoEngageStandInHost.StartAsync(configured))
        {
            var client = new MoEngageClient(standIn);
            var response = await client.BulkAsync("STRICT", FaultyBody);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("reject", (await client.GetJsonAsync("/control/workspaces/STRICT")).GetProperty("bulkElementFaults").GetString());
        }

        configured["StandIn:Workspaces:0:BulkElementFaults"] = "sometimes";
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MoEngageStandInHost.StartAsync(configured));
        Assert.Contains("StandIn:Workspaces:0:bulkElementFaults", error.Message);
    }

    private Task<string> RejectingWorkspaceAsync(JsonObject? limits = null)
    {
        var body = new JsonObject
        {
            ["customerIds"] = new JsonArray("C1"),
            ["bulkElementFaults"] = "reject",
        };
        if (limits is not null)
        {
            body["limits"] = limits;
        }

        return Client.CreateWorkspaceAsync(body: body);
    }
}

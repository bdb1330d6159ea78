using Microsoft.Extensions.Options;

namespace Loyalife.MoEngageStandIn.Tests;

public sealed class StartupConfigurationTests
{
    private static readonly Dictionary<string, string?> Demo = new()
    {
        ["StandIn:Workspaces:0:AppId"] = "DEMOAPP",
        ["StandIn:Workspaces:0:DataCenter"] = "02",
        ["StandIn:Workspaces:0:ApiKey"] = "demo-key",
        ["StandIn:Workspaces:0:AppName"] = "Loyalife demo",
        ["StandIn:Workspaces:0:CustomerIdPattern"] = @"^C\d{7}[0-8]$",
        ["StandIn:Workspaces:0:CustomerIds:0"] = "VIP1",
        ["StandIn:Workspaces:0:Customers:0"] = "VIP2",
        ["StandIn:Workspaces:0:Customers:1:CustomerId"] = "VIP3",
        ["StandIn:Workspaces:0:GetUser:Enabled"] = "true",
        ["StandIn:Workspaces:0:GetUser:UsersPerMinute"] = "50",
        ["StandIn:Workspaces:0:Limits:BulkUsersPerMinute"] = "",
        ["StandIn:Workspaces:0:Limits:BulkEventsPerMinute"] = "500",
        ["StandIn:Workspaces:1:AppId"] = "OTHERAPP",
        ["StandIn:Workspaces:1:DataCenter"] = "101",
        ["StandIn:Workspaces:1:ApiKey"] = "other-key",
    };

    [Fact]
    public async Task ConfiguredWorkspacesExistFromStartUp()
    {
        await using var standIn = await MoEngageStandInHost.StartAsync(Demo);
        var client = new MoEngageClient(standIn);

        var demo = await client.GetJsonAsync("/control/workspaces/DEMOAPP");
        var accepted = await client.PostAsync("/dc/02/v1/transition/DEMOAPP",
            JsonSerializer.Serialize(Bulk(Customer("VIP1", new { a = 1 }, true), Customer("C00000011", new { a = 1 }, true),
                Customer("C00000019", new { a = 1 }, true))), "DEMOAPP", "demo-key");

        Assert.Equal("Loyalife demo", demo.GetProperty("appName").GetString());
        Assert.Equal(JsonValueKind.Null, demo.GetProperty("limits").GetProperty("bulkUsersPerMinute").ValueKind);
        Assert.Equal(500, demo.GetProperty("limits").GetProperty("bulkEventsPerMinute").GetInt32());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var stats = await client.StatsAsync("DEMOAPP");
        Assert.Equal(2, stats.Stat("customersUpdated"));
        Assert.Equal(1, stats.Stat("customersIgnored"));
        Assert.Equal("101", (await client.GetJsonAsync("/control/workspaces/OTHERAPP")).GetProperty("dataCenter").GetString());
    }

    [Fact]
    public async Task ConfiguredCustomersAndGetUserAreBound()
    {
        await using var standIn = await MoEngageStandInHost.StartAsync(Demo);
        var client = new MoEngageClient(standIn);

        var response = await client.PostAsync("/dc/02/v1/customers/export?app_id=DEMOAPP",
            GetUserBody(["VIP1", "VIP2", "VIP3", "C00000019"]).ToJsonString(), "DEMOAPP", "demo-key");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("50", response.Headers.GetValues("x-ratelimit-limit").Single());
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal(["VIP1", "VIP2", "VIP3"], data.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("user_attributes").GetProperty("customer_id").GetString()));
        Assert.Equal("C00000019", Assert.Single(data.GetProperty("users_not_found").EnumerateArray()).GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task AConfiguredEventsBoundBelowOneStopsTheStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            MoEngageStandInHost.StartAsync(new Dictionary<string, string?> { ["StandIn:EventsKeptPerCustomer"] = "0" }));

        Assert.Contains("StandIn:EventsKeptPerCustomer", error.Message);
    }

    [Fact]
    public async Task ResetRestoresTheConfiguredWorkspacesEmptyAndRemovesOthers()
    {
        await using var standIn = await MoEngageStandInHost.StartAsync(Demo);
        var client = new MoEngageClient(standIn);
        var extra = await client.CreateWorkspaceAsync();
        await client.Http.DeleteAsync("/control/workspaces/OTHERAPP");
        await client.PostAsync("/dc/02/v1/transition/DEMOAPP", JsonSerializer.Serialize(Bulk(Customer("NEW", new { a = 1 }))), "DEMOAPP", "demo-key");

        var reset = await client.Http.PostAsync("/control/reset", null);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        var workspaces = await client.GetJsonAsync("/control/workspaces");
        Assert.Equal(["DEMOAPP", "OTHERAPP"], workspaces.EnumerateArray().Select(w => w.GetProperty("appId").GetString()));
        Assert.Equal(0, (await client.StatsAsync("DEMOAPP")).Stat("requests"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/control/workspaces/DEMOAPP/customers/NEW")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/control/workspaces/{extra}")).StatusCode);
    }

    [Fact]
    public async Task AnInvalidConfiguredWorkspaceStopsTheStartNamingTheEntry()
    {
        var broken = new Dictionary<string, string?>
        {
            ["StandIn:Workspaces:0:AppId"] = "BROKEN",
            ["StandIn:Workspaces:0:DataCenter"] = "09",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => MoEngageStandInHost.StartAsync(broken));

        Assert.Contains("StandIn:Workspaces:0:dataCenter", error.Message);
        Assert.Contains("StandIn:Workspaces:0:apiKey", error.Message);
    }
}

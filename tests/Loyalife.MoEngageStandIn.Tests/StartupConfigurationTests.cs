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
        Assert.Equal(2, stats.GetProperty("customersUpdated").GetInt64());
        Assert.Equal(1, stats.GetProperty("customersIgnored").GetInt64());
        Assert.Equal("101", (await client.GetJsonAsync("/control/workspaces/OTHERAPP")).GetProperty("dataCenter").GetString());
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
        Assert.Equal(0, (await client.StatsAsync("DEMOAPP")).GetProperty("requests").GetInt64());
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

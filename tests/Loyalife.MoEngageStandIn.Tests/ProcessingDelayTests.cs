using Microsoft.Extensions.Time.Testing;

namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// MoEngage applies accepted data asynchronously: with a processing delay nothing of a request is visible (profiles,
/// events, Get User, content counters) until the delay has passed on the stand-in's clock, here a fake one.
/// </summary>
public sealed class ProcessingDelayTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AcceptedDataBecomesVisibleOnlyAfterTheProcessingDelay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var standIn = await MoEngageStandInHost.StartAsync([], time);
        var client = new MoEngageClient(standIn);
        var appId = await client.CreateGetUserWorkspaceAsync(new JsonObject { ["processingDelayMilliseconds"] = (int)Delay.TotalMilliseconds });

        var accepted = await client.BulkAsync(appId, Bulk(
            Customer("NEW", new { tier = "Gold" }),
            Event("NEW", "loyalty_points_earned", time.GetUtcNow().AddMinutes(-5))));
        time.Advance(Delay - TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/control/workspaces/{appId}/customers/NEW")).StatusCode);
        Assert.Equal(0, (await client.GetJsonAsync($"/control/workspaces/{appId}/events")).GetArrayLength());
        var before = await client.StatsAsync(appId);
        Assert.Equal(1, before.Stat("acceptedRequests"));
        Assert.Equal(1, before.Stat("pendingRequests"));
        Assert.Equal(0, before.Stat("customersUpdated"));
        var notYet = await (await client.GetUserAsync(appId, ["NEW"])).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NEW", Assert.Single(notYet.GetProperty("data").GetProperty("users_not_found").EnumerateArray()).GetProperty("identifier").GetString());

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("Gold", (await client.CustomerAsync(appId, "NEW")).GetProperty("attributes").GetProperty("tier").GetString());
        Assert.Equal(1, (await client.GetJsonAsync($"/control/workspaces/{appId}/events")).GetArrayLength());
        var after = await client.StatsAsync(appId);
        Assert.Equal(0, after.Stat("pendingRequests"));
        Assert.Equal(1, after.Stat("customersUpdated"));
        Assert.Equal(1, after.Stat("profilesCreated"));
        Assert.Equal(1, after.Stat("eventsAccepted"));
    }

    [Fact]
    public async Task LaterWritesStillWinWhenEarlierOnesWereDelayed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var standIn = await MoEngageStandInHost.StartAsync([], time);
        var client = new MoEngageClient(standIn);
        var appId = await client.CreateWorkspaceAsync(body: new JsonObject { ["processingDelayMilliseconds"] = 1000, ["customerIds"] = new JsonArray("C1") });

        await client.BulkAsync(appId, Bulk(Customer("C1", new { tier = "Silver" })));
        time.Advance(TimeSpan.FromMilliseconds(500));
        await client.BulkAsync(appId, Bulk(Customer("C1", new { tier = "Gold" })));
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("Gold", (await client.CustomerAsync(appId, "C1")).GetProperty("attributes").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task WithoutADelayDataIsVisibleBeforeTheAnswer()
    {
        await using var standIn = await MoEngageStandInHost.StartAsync();
        var client = new MoEngageClient(standIn);
        var appId = await client.CreateWorkspaceAsync();

        await client.BulkAsync(appId, Bulk(Customer("NEW", new { tier = "Gold" })));

        Assert.Equal(0, (await client.GetJsonAsync($"/control/workspaces/{appId}")).GetProperty("processingDelayMilliseconds").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/control/workspaces/{appId}/customers/NEW")).StatusCode);
    }
}

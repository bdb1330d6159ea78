namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// Each customer keeps its latest <c>eventsKeptPerCustomer</c> events for inspection and counts the rest, so memory
/// follows customers, not history; counting stays exact, duplicates included.
/// </summary>
public sealed class EventRetentionTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private static readonly DateTimeOffset Yesterday = DateTimeOffset.UtcNow.AddDays(-1);

    [Fact]
    public async Task ACustomerKeepsItsLatestEventsAndTheOlderOnesAreCounted()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["customerIds"] = new JsonArray("C1", "C2"), ["eventsKeptPerCustomer"] = 2 });

        await Client.BulkAsync(appId, Bulk(
            Event("C1", "e", Yesterday, new { n = 1 }),
            Event("C1", "e", Yesterday, new { n = 2 }),
            Event("C2", "e", Yesterday, new { n = 3 }),
            Event("C1", "e", Yesterday, new { n = 4 })));
        await Client.BulkAsync(appId, Bulk(Event("C1", "e", Yesterday, new { n = 1 })));

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(5, stats.Stat("eventsAccepted"));
        Assert.Equal(2, stats.Stat("eventsNotKept"));
        Assert.Equal(1, stats.Stat("eventsDuplicated"));
        var c1 = await Client.GetJsonAsync($"/control/workspaces/{appId}/events?customerId=C1");
        Assert.Equal([4, 1], c1.EnumerateArray().Select(e => e.GetProperty("attributes").GetProperty("n").GetInt32()));
        var all = await Client.GetJsonAsync($"/control/workspaces/{appId}/events");
        Assert.Equal([3, 4, 1], all.EnumerateArray().Select(e => e.GetProperty("attributes").GetProperty("n").GetInt32()));
        Assert.Equal(2, (await Client.GetJsonAsync($"/control/workspaces/{appId}")).GetProperty("eventsKeptPerCustomer").GetInt32());
    }

    [Fact]
    public async Task ByDefaultACustomerKeepsAHundredEvents()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");

        await Client.BulkAsync(appId, Bulk([.. Enumerable.Range(0, 101).Select(i => Event("C1", "e", Yesterday, new { n = i }))]));

        Assert.Equal(100, (await Client.GetJsonAsync($"/control/workspaces/{appId}/events?customerId=C1")).GetArrayLength());
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("eventsNotKept"));
    }
}

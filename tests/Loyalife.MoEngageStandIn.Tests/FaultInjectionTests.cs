using System.Diagnostics;

namespace Loyalife.MoEngageStandIn.Tests;

public sealed class FaultInjectionTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private const int Requests = 200;

    private Task<string> WorkspaceWithFaultsAsync(int seed) => Client.CreateWorkspaceAsync(body: new JsonObject
    {
        ["faults"] = new JsonObject
        {
            ["serverErrorRate"] = 0.2, ["tooManyRequestsRate"] = 0.1, ["dropAfterAcceptRate"] = 0.1, ["seed"] = seed,
        },
    });

    /// <summary>The outcome of each request: a status code, or 0 for a connection dropped without an answer.</summary>
    private async Task<List<int>> OutcomesAsync(string appId)
    {
        var outcomes = new List<int>();
        for (var i = 0; i < Requests; i++)
        {
            try
            {
                outcomes.Add((int)(await Client.BulkAsync(appId, Bulk(Customer($"C{i}", new { n = i })))).StatusCode);
            }
            catch (HttpRequestException)
            {
                outcomes.Add(0);
            }
        }

        return outcomes;
    }

    [Fact]
    public async Task FaultsComeAtTheConfiguredRatesAndRepeatForTheSameSeed()
    {
        var first = await OutcomesAsync(await WorkspaceWithFaultsAsync(seed: 7));
        var again = await OutcomesAsync(await WorkspaceWithFaultsAsync(seed: 7));
        var otherSeed = await OutcomesAsync(await WorkspaceWithFaultsAsync(seed: 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherSeed);
        Assert.InRange(first.Count(s => s == 500), 0.2 * Requests * 0.6, 0.2 * Requests * 1.4);
        Assert.InRange(first.Count(s => s == 429), 0.1 * Requests * 0.5, 0.1 * Requests * 1.5);
        Assert.InRange(first.Count(s => s == 0), 0.1 * Requests * 0.5, 0.1 * Requests * 1.5);
        Assert.Equal(Requests, first.Count(s => s is 0 or 200 or 429 or 500));
    }

    [Fact]
    public async Task ADroppedRequestWasAppliedAndOnlyAnsweredRequestsWereNot()
    {
        var appId = await WorkspaceWithFaultsAsync(seed: 3);

        var outcomes = await OutcomesAsync(appId);

        var stats = await Client.StatsAsync(appId);
        Assert.Equal(outcomes.Count(s => s is 0 or 200), stats.Stat("customersUpdated"));
        Assert.Equal(outcomes.Count(s => s is 0 or 200), stats.Stat("acceptedRequests"));
        var dropped = outcomes.IndexOf(0);
        var profile = await Client.Http.GetAsync($"/control/workspaces/{appId}/customers/C{dropped}");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var log = (await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit={Requests}")).EnumerateArray().Reverse().ToList();
        Assert.Equal(200, log[dropped].GetProperty("status").GetInt32());
        Assert.Contains("dropped", log[dropped].GetProperty("reason").GetString());
        var failed = outcomes.IndexOf(500);
        Assert.Contains("injected", log[failed].GetProperty("reason").GetString());
        var absent = await Client.Http.GetAsync($"/control/workspaces/{appId}/customers/C{failed}");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
    }

    [Fact]
    public async Task ASlowAnswerTakesAtLeastTheConfiguredTime()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject
        {
            ["faults"] = new JsonObject { ["slowRate"] = 1.0, ["slowMilliseconds"] = 300 },
        });
        var clock = Stopwatch.StartNew();

        var response = await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 })));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.ElapsedMilliseconds >= 300, $"answered after {clock.ElapsedMilliseconds} ms");
    }
}

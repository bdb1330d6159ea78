using Loyalife.Domain.MoEngage;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class NightlyRunTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private static readonly Dictionary<string, string?> OneNight = new() { ["Sync:MaxCatchUpDays"] = "1" };

    [Fact]
    public async Task ATickDeliversEveryMemberAndEventExactlyAsTheSnapshotHasThem()
    {
        var program = await env.ProgramAsync(members: 12, events: 5);
        await using var dispatcher = env.Dispatcher(settings: OneNight);

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(RunTrigger.Cron, run.Trigger);
        foreach (var member in program.Members)
        {
            // Under their MoEngage names: `status` is MoEngage's own, so the member's goes as `loyalty_status`.
            var sent = new JsonObject(member["attributes"]!.AsObject().Select(a => KeyValuePair.Create(AttributeNaming.DefaultName(a.Key), a.Value?.DeepClone())));
            var customer = await env.StandIn.CustomerAsync(program.AppId, (string)member["customerId"]!);
            Assert.True(JsonNode.DeepEquals(sent, JsonNode.Parse(customer.GetProperty("attributes").GetRawText())),
                $"sent {sent.ToJsonString()}, stored {customer.GetProperty("attributes").GetRawText()}");
            Assert.False(customer.GetProperty("attributes").TryGetProperty("status", out _));
        }

        var received = (await env.StandIn.EventsAsync(program.AppId)).EnumerateArray()
            .Select(e => (e.GetProperty("customerId").GetString(), e.GetProperty("name").GetString(),
                JsonSerializer.Serialize(e.GetProperty("attributes")), e.GetProperty("currentTime").GetDateTime()))
            .OrderBy(e => e.Item4).ToList();
        var expected = program.Events
            .Select(e => ((string?)e["customerId"], (string?)e["name"], e["attributes"]!.ToJsonString(),
                DateTimeOffset.Parse((string)e["occurredAt"]!).UtcDateTime))
            .ToList();
        Assert.Equal(expected, received);

        var stats = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal(12, stats.Stat("customersUpdated"));
        Assert.Equal(5, stats.Stat("eventsAccepted"));
        Assert.Equal(0, stats.Stat("elementsRejected"));

        Assert.Equal(12, run.Report.MembersSent);
        Assert.Equal(new Dictionary<string, long> { ["loyalty_points_earned"] = 4, ["loyalty_points_redeemed"] = 1 }, run.Report.EventsSent);
        Assert.Equal(program.SkippedMembers, run.Report.MembersSkipped);
        Assert.Equal(2, run.Report.Requests);
        Assert.Equal(0, run.Report.PossibleDuplicates.Requests);
    }

    [Fact]
    public async Task MembersAreSentBeforeEventsInBodiesWithinTheCapAcrossPageBoundaries()
    {
        var program = await env.ProgramAsync(members: 230, events: 95);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>(OneNight)
        {
            ["Sync:PageSize"] = "7",
            ["MoEngage:MaxBodyBytes"] = "2048",
            // The read-back after the run fetches a page of its own; this test counts the run's pages.
            ["Verification:SampleSize"] = "0",
        });

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var requests = (await env.StandIn.RequestsAsync(program.AppId)).EnumerateArray()
            .Where(r => r.GetProperty("path").GetString()!.Contains("/transition/")).ToList();
        Assert.All(requests, request => Assert.InRange(request.GetProperty("bytes").GetInt64(), 1, 2048));
        var stats = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal(230, stats.Stat("customersUpdated"));
        Assert.Equal(95, stats.Stat("eventsAccepted"));
        Assert.Equal(0, stats.Stat("eventsDuplicated"));
        Assert.Equal(requests.Count, run.Report.Requests);
        Assert.True(run.Report.AverageBodyFillPercent > 80, $"fill {run.Report.AverageBodyFillPercent} %");
        // Pages of 7 are not bodies: one body spans several pages, and one page several bodies.
        Assert.Equal(230 / 7 + 1 + 95 / 7 + 1, program.PagesServed.Count(p => !p.Contains("summary")));
    }
}

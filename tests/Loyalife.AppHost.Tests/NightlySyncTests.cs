using System.Globalization;
using Loyalife.AppHost.Demo;
using Loyalife.AppHost.MoEngage;
using Loyalife.Domain.MoEngage;

namespace Loyalife.AppHost.Tests;

/// <summary>
/// The end-to-end proof: the cron binding's run of the demo program delivers to the stand-in exactly
/// what snapshot-service computes for that program-day, its report says so, and it reads as one trace.
/// </summary>
[Trait("Suite", "System")]
[Collection(NightlySyncRun.Collection)]
public sealed class NightlySyncTests(NightlySyncRun run)
{
    private const int PageSize = 97;
    private static readonly Regex ExistingProfile = new(DemoWorkspace.CustomerIdPattern);

    [Fact]
    public async Task TheCronRunCoversTheDemoProgramsLatestClosedDate()
    {
        Assert.Equal(await run.LatestClosedDateAsync(), run.BusinessDate);
        Assert.Equal(DemoIntegrationExtensions.ProgramId, run.Run.GetProperty("programId").GetString());
        Assert.False(run.Run.GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task TheStandInHoldsExactlyTheAttributesOfTheSnapshotsMembersItKnows()
    {
        var members = await PagesAsync("members");
        Assert.True(members.Count > 0, "The demo program's snapshot has no members");
        var known = 0;
        foreach (var member in members)
        {
            var customerId = member.GetProperty("customerId").GetString()!;
            using var response = await run.StandInAsync($"/control/workspaces/{DemoWorkspace.AppId}/customers/{Uri.EscapeDataString(customerId)}");
            if (!ExistingProfile.IsMatch(customerId))
            {
                // update_existing_only: MoEngage must not have created a profile for an unknown customer.
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"The stand-in has a profile for {customerId}, which it did not know");
                continue;
            }

            known++;
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"The stand-in has no profile {customerId} (member {member.GetProperty("memberId")})");
            var received = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("attributes");
            AssertSameAttributes(InMoEngage(member.GetProperty("attributes")), received, $"customer {customerId}");
        }

        Assert.True(known > 0, "No snapshot member is an existing profile of the demo workspace");
        var stats = await StatsAsync();
        Assert.Equal(known, stats.GetProperty("customersUpdated").GetInt64());
        Assert.Equal(members.Count - known, stats.GetProperty("customersIgnored").GetInt64());
        Assert.Equal(0, stats.GetProperty("rejectedRequests").GetInt64());
    }

    [Fact]
    public async Task TheStandInReceivedExactlyTheSnapshotsEventsOfMembersItHoldsAndTheRestWereHeldBack()
    {
        var expected = await PagesAsync("events");
        Assert.True(expected.Count > 0, "The demo program's snapshot has no events for its latest closed date");
        var received = (await run.StandInAsync($"/control/workspaces/{DemoWorkspace.AppId}/events")).EnsureSuccessStatusCode();
        var unmatched = (await received.Content.ReadFromJsonAsync<List<JsonElement>>())!
            .GroupBy(e => (e.GetProperty("customerId").GetString()!, e.GetProperty("name").GetString()!))
            .ToDictionary(g => g.Key, g => g.ToList());

        var dropped = 0;
        foreach (var item in expected)
        {
            var customerId = item.GetProperty("customerId").GetString()!;
            if (!ExistingProfile.IsMatch(customerId))
            {
                dropped++;
                continue;
            }

            var key = (customerId, item.GetProperty("name").GetString()!);
            var candidates = unmatched.GetValueOrDefault(key) ?? [];
            var occurredAt = item.GetProperty("occurredAt").GetDateTimeOffset().UtcDateTime;
            var match = candidates.FindIndex(e =>
                e.GetProperty("currentTime").GetDateTime().ToUniversalTime() == Seconds(occurredAt)
                && JsonElement.DeepEquals(e.GetProperty("attributes"), InMoEngage(item.GetProperty("attributes"))));
            Assert.True(match >= 0,
                $"The stand-in did not receive event {item.GetProperty("eventId")} {key} at {occurredAt:O} with {item.GetProperty("attributes")}; " +
                $"it holds for that customer and name: {string.Join(", ", candidates)}");
            candidates.RemoveAt(match);
        }

        var extra = unmatched.Values.SelectMany(e => e).ToList();
        Assert.True(extra.Count == 0, $"The stand-in received {extra.Count} events the snapshot does not hold, e.g. {string.Join(", ", extra.Take(3))}");
        var stats = await StatsAsync();
        // The events of members MoEngage does not hold were held back, not sent: no profile was created for them.
        Assert.True(dropped > 0, "The demo day has no event of a member the demo workspace lacks");
        Assert.Equal(0, stats.GetProperty("profilesCreated").GetInt64());
        Assert.Equal(dropped, run.Run.GetProperty("report").GetProperty("eventsHeldBack").GetProperty("not_in_moengage").GetInt64());
        Assert.Equal(expected.Count - dropped, stats.GetProperty("eventsAccepted").GetInt64());
        Assert.Equal(0, stats.GetProperty("eventsDuplicated").GetInt64());
    }

    [Fact]
    public async Task TheRunReportCountsWhatTheSnapshotHolds()
    {
        var summary = await run.InvokeAsync("snapshot-service", $"{SnapshotPath}/summary");
        var members = await PagesAsync("members");
        var events = await PagesAsync("events");
        var report = run.Run.GetProperty("report");

        Assert.Equal(members.Count, summary.GetProperty("members").GetInt64());
        Assert.Equal(members.Count, report.GetProperty("membersSent").GetInt64());
        AssertSameCounts(summary.GetProperty("skippedMembers"), report.GetProperty("membersSkipped"), "members skipped");
        var eventsByName = events.GroupBy(e => e.GetProperty("name").GetString()!).ToDictionary(g => g.Key, g => (long)g.Count());
        AssertSameCounts(JsonSerializer.SerializeToElement(eventsByName), summary.GetProperty("events"), "events in the summary");
        var held = events.Where(e => ExistingProfile.IsMatch(e.GetProperty("customerId").GetString()!)).ToList();
        var heldByName = held.GroupBy(e => e.GetProperty("name").GetString()!).ToDictionary(g => g.Key, g => (long)g.Count());
        AssertSameCounts(JsonSerializer.SerializeToElement(heldByName), report.GetProperty("eventsSent"), "events sent");
        Assert.Equal(events.Count - held.Count, report.GetProperty("eventsHeldBack").GetProperty("not_in_moengage").GetInt64());
        var absent = events.Select(e => e.GetProperty("customerId").GetString()!).Where(id => !ExistingProfile.IsMatch(id)).Distinct().Count();
        Assert.Equal(absent, report.GetProperty("membersNotInMoEngage").GetInt64());
        Assert.Equal(0, report.GetProperty("rejectedElements").GetInt64());
        Assert.True(report.GetProperty("error").ValueKind == JsonValueKind.Null, $"The run reports an error: {report.GetProperty("error")}");

        var day = report.GetProperty("days").GetProperty(run.BusinessDate);
        Assert.True(day.GetProperty("completed").GetBoolean(), $"The report does not mark {run.BusinessDate} completed: {day}");
        Assert.Equal(members.Count, day.GetProperty("membersInSnapshot").GetInt64());
        AssertSameCounts(summary.GetProperty("events"), day.GetProperty("eventsInSnapshot"), "the day's events");
    }

    private string SnapshotPath => $"/v1/programs/{DemoIntegrationExtensions.ProgramId}/snapshots/{run.BusinessDate}";

    /// <summary>Every item of the run's program-day, page by page through a sidecar (small pages, so paging is exercised).</summary>
    private async Task<List<JsonElement>> PagesAsync(string kind)
    {
        var items = new List<JsonElement>();
        string? after = null;
        for (var page = 0; page < 10_000; page++)
        {
            var query = after is null ? $"limit={PageSize}" : $"limit={PageSize}&after={Uri.EscapeDataString(after)}";
            var answer = await run.InvokeAsync("snapshot-service", $"{SnapshotPath}/{kind}?{query}");
            items.AddRange(answer.GetProperty("items").EnumerateArray());
            after = answer.GetProperty("next").GetString();
            if (after is null)
            {
                return items;
            }
        }

        Assert.Fail($"snapshot-service's {kind} pages never ended");
        return items;
    }

    private async Task<JsonElement> StatsAsync() =>
        await (await run.StandInAsync($"/control/workspaces/{DemoWorkspace.AppId}/stats")).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>MoEngage reads an event's time to the second; the dispatcher sends it so.</summary>
    private static DateTime Seconds(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>
    /// Snapshot attributes as MoEngage must receive them: under their MoEngage names (the demo program keeps the
    /// defaults, so status goes as loyalty_status) and every instant as YYYY-MM-DDTHH:mm:ssZ, to the second.
    /// </summary>
    private static JsonElement InMoEngage(JsonElement attributes)
    {
        var sent = new Dictionary<string, JsonElement>();
        foreach (var attribute in attributes.EnumerateObject())
        {
            var value = attribute.Value;
            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 10 } text && text[10] == 'T'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            {
                value = JsonSerializer.SerializeToElement(Seconds(instant.UtcDateTime).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }

            sent[AttributeNaming.DefaultName(attribute.Name)] = value;
        }

        return JsonSerializer.SerializeToElement(sent);
    }

    private static void AssertSameAttributes(JsonElement expected, JsonElement received, string what)
    {
        var names = expected.EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.True(names.SequenceEqual(received.EnumerateObject().Select(p => p.Name).Order()),
            $"{what}: attributes {string.Join(",", received.EnumerateObject().Select(p => p.Name).Order())} received, {string.Join(",", names)} computed");
        foreach (var attribute in expected.EnumerateObject())
        {
            Assert.True(JsonElement.DeepEquals(attribute.Value, received.GetProperty(attribute.Name)),
                $"{what}: {attribute.Name} = {received.GetProperty(attribute.Name)} received, {attribute.Value} computed");
        }
    }

    private static void AssertSameCounts(JsonElement expected, JsonElement actual, string what)
    {
        var a = expected.EnumerateObject().Where(p => p.Value.GetInt64() != 0).ToDictionary(p => p.Name, p => p.Value.GetInt64());
        var b = actual.EnumerateObject().Where(p => p.Value.GetInt64() != 0).ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.True(a.Count == b.Count && a.All(p => b.GetValueOrDefault(p.Key) == p.Value), $"{what}: {actual} does not match {expected}");
    }
}

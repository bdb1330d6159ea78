using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Loyalife.Domain.MoEngage;
using Loyalife.MoEngageStandIn;

namespace Loyalife.Reliability.Tests.Support;

/// <summary>What a stand-in workspace holds after a run: every profile's attributes and every stored event.</summary>
public sealed record Workspace(IReadOnlyDictionary<string, JsonNode?> Customers, IReadOnlyList<(string EventId, string CustomerId, string Name)> Events)
{
    /// <summary>The demo workspace's profiles: references ending in 0-8 (the rest are unknown to MoEngage).</summary>
    public static bool IsProfile(string customerId) => Regex.IsMatch(customerId, "^C\\d{7}[0-8]$");

    public static async Task<Workspace> ReadAsync(RunningStandIn standIn, string appId, IEnumerable<string> customerIds)
    {
        var customers = new Dictionary<string, JsonNode?>();
        foreach (var customerId in customerIds.Where(IsProfile))
        {
            using var response = await standIn.Control.GetAsync($"/control/workspaces/{appId}/customers/{customerId}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            customers[customerId] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["attributes"];
        }

        var events = (await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/events"))
            .EnumerateArray()
            .Select(e => (e.GetProperty("attributes").GetProperty("loyalife_event_id").GetString()!, e.GetProperty("customerId").GetString()!, e.GetProperty("name").GetString()!))
            .ToList();
        return new Workspace(customers, events);
    }

    /// <summary>
    /// Every profile of the snapshot carries its attributes and every event of a known profile is stored, none
    /// missing; copies beyond one are allowed only up to what the run reported as possible duplicates.
    /// </summary>
    public void AssertDelivered(Snapshot snapshot, long possibleDuplicateEvents)
    {
        Assert.True(snapshot.Members.Count > 0 && snapshot.EventCustomers.Count > 0, "the demo day has no members or no events");
        foreach (var (customerId, attributes) in snapshot.Members.Where(m => IsProfile(m.Key)))
        {
            var profile = Customers[customerId]!.AsObject();
            foreach (var attribute in attributes.EnumerateObject())
            {
                // Under its MoEngage name (the demo program keeps the defaults: status goes as loyalty_status).
                var name = AttributeNaming.DefaultName(attribute.Name);
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(attribute.Value.GetRawText()), profile[name]),
                    $"{customerId}.{name}: snapshot {attribute.Value.GetRawText()}, stand-in {profile[name]?.ToJsonString()}");
            }
        }

        var expected = snapshot.EventCustomers.Where(e => IsProfile(e.Value)).Select(e => e.Key).ToHashSet();
        var stored = Events.GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.Count());
        var missing = expected.Where(id => !stored.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} events missing, e.g. {string.Join(", ", missing.Take(5))}");
        var unexpected = stored.Keys.Where(id => !expected.Contains(id)).ToList();
        Assert.True(unexpected.Count == 0, $"{unexpected.Count} events not in the snapshot, e.g. {string.Join(", ", unexpected.Take(5))}");
        var copies = stored.Values.Sum(count => count - 1);
        Assert.True(copies <= possibleDuplicateEvents, $"{copies} duplicate events stored, {possibleDuplicateEvents} reported as possible duplicates");
    }

    /// <summary>
    /// The demo workspace holds only some references; the events of the others were held back, so MoEngage
    /// created no profile for them.
    /// </summary>
    public static async Task AssertNoProfileCreatedAsync(RunningStandIn standIn, string appId)
    {
        var stats = await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/stats");
        Assert.Equal(0, stats.GetProperty("profilesCreated").GetInt64());
    }

    /// <summary>Every profile updated once, more only as often as the run reported possible duplicates.</summary>
    public static async Task AssertProfileUpdatesAsync(RunningStandIn standIn, string appId, Snapshot snapshot, long possibleDuplicateMembers)
    {
        var stats = await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/stats");
        var updates = stats.GetProperty("customersUpdated").GetInt64();
        var profiles = snapshot.Members.Keys.Count(IsProfile);
        Assert.True(updates >= profiles && updates - profiles <= possibleDuplicateMembers,
            $"{updates} profile updates for {profiles} profiles, {possibleDuplicateMembers} reported as possible duplicates");
    }

    /// <summary>Same attributes for every profile and the same events by customer and name.</summary>
    public void AssertSameAs(Workspace clean)
    {
        Assert.Equal(clean.Customers.Keys.Order(), Customers.Keys.Order());
        foreach (var (customerId, attributes) in clean.Customers)
        {
            Assert.True(JsonNode.DeepEquals(attributes, Customers[customerId]),
                $"{customerId}: clean {attributes?.ToJsonString()}, here {Customers[customerId]?.ToJsonString()}");
        }

        Assert.Equal(Distinct(clean), Distinct(this));
    }

    private static List<string> Distinct(Workspace workspace) =>
        workspace.Events.Select(e => $"{e.CustomerId}/{e.Name}/{e.EventId}").Distinct().Order(StringComparer.Ordinal).ToList();
}

using Loyalife.Reliability.Tests.Support;
using Npgsql;

namespace Loyalife.Reliability.Tests;

[Trait("Suite", "System")]
public sealed class PoisonedElementTests
{
    private const int Poisoned = 3;

    /// <summary>
    /// MoEngage's published examples answer a Bulk body holding one invalid element with a 400 for the whole body,
    /// nothing of it applied. The run splits such a body until the refused elements stand alone: a few poisoned
    /// events (an attribute value over MoEngage's 512-character limit) cost only themselves.
    /// </summary>
    [Fact]
    public async Task ANightWithAFewPoisonedEventsUnderWholeBodyRejectionLandsEveryOtherElementExactlyOnce()
    {
        await using var system = await LoyalifeSystem.StartAsync();
        await system.ConnectWorkspaceAsync("strict-app", "strict-key", bulkElementFaults: "reject");
        var poisoned = await PoisonEventsAsync(system, LoyalifeSystem.Yesterday);

        var run = await system.RunToSuccessAsync(LoyalifeSystem.Yesterday, TimeSpan.FromSeconds(120));

        var snapshot = await Snapshot.ReadAsync(system, LoyalifeSystem.Yesterday);
        var workspace = await Workspace.ReadAsync(system.StandIn, "strict-app", snapshot.Members.Keys);
        var stored = workspace.Events.GroupBy(e => e.EventId).ToDictionary(g => g.Key, g => g.Count());
        var expected = snapshot.EventCustomers.Where(e => Workspace.IsProfile(e.Value) && !poisoned.Contains(e.Key)).Select(e => e.Key).ToList();
        Assert.True(expected.Count > 0, "the demo day has no events of known profiles");
        var notOnce = expected.Where(id => stored.GetValueOrDefault(id) != 1).ToList();
        Assert.True(notOnce.Count == 0, $"{notOnce.Count} events not stored exactly once, e.g. {string.Join(", ", notOnce.Take(5))}");
        Assert.All(poisoned, id => Assert.False(stored.ContainsKey(id), $"poisoned event {id} was stored"));
        Assert.Equal(expected.Count, stored.Count);
        await Workspace.AssertProfileUpdatesAsync(system.StandIn, "strict-app", snapshot, possibleDuplicateMembers: 0);
        await Workspace.AssertNoProfileCreatedAsync(system.StandIn, "strict-app");

        Assert.Equal(Poisoned, run.Report.GetProperty("rejectedElements").GetInt64());
        var rejected = run.Json.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal(poisoned.Order(), rejected.Select(r => EventIdOf(r.GetProperty("element").GetString()!)).Order());
        Assert.All(rejected, r => Assert.Equal(400, r.GetProperty("status").GetInt32()));
        Assert.All(rejected, r => Assert.Contains("512", r.GetProperty("answer").GetString()!));
        Assert.Equal(0, run.PossibleDuplicateEvents);
    }

    /// <summary>
    /// Gives <see cref="Poisoned"/> earning events of known profiles on <paramref name="date"/> a channel MoEngage refuses
    /// (over 512 characters), straight in the ledger; answers their event ids.
    /// </summary>
    private static async Task<IReadOnlyList<string>> PoisonEventsAsync(LoyalifeSystem system, DateOnly date)
    {
        using var client = new HttpClient { BaseAddress = system.Snapshots.Url };
        client.DefaultRequestHeaders.Add("dapr-api-token", LoyalifeSystem.AppApiToken);
        var page = await client.GetFromJsonAsync<JsonElement>(
            $"/v1/programs/{LoyalifeSystem.ProgramId}/snapshots/{date:yyyy-MM-dd}/events?limit=10000");
        var chosen = page.GetProperty("items").EnumerateArray()
            .Where(item => item.GetProperty("name").GetString() == "loyalty_points_earned"
                && Workspace.IsProfile(item.GetProperty("customerId").GetString()!))
            .Select(item => item.GetProperty("eventId").GetString()!)
            .Take(Poisoned)
            .ToList();
        Assert.True(chosen.Count == Poisoned, $"the demo day has {chosen.Count} earning events of known profiles, {Poisoned} wanted");

        await using var ledger = NpgsqlDataSource.Create(system.Database);
        await using var command = ledger.CreateCommand("UPDATE loyalty.point_entries SET channel = repeat('x', 600) WHERE entry_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", chosen.Select(id => long.Parse(id["pe-".Length..], CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(Poisoned, await command.ExecuteNonQueryAsync());
        return chosen;
    }

    private static string EventIdOf(string element) =>
        JsonDocument.Parse(element).RootElement.GetProperty("actions")[0].GetProperty("attributes").GetProperty("loyalife_event_id").GetString()!;
}

namespace Loyalife.Reliability.Tests.Support;

/// <summary>What a run must deliver for one date, read straight from snapshot-service (with the app token, as its sidecar would).</summary>
public sealed record Snapshot(IReadOnlyDictionary<string, JsonElement> Members, IReadOnlyDictionary<string, string> EventCustomers)
{
    public static async Task<Snapshot> ReadAsync(LoyalifeSystem system, DateOnly date)
    {
        using var client = new HttpClient { BaseAddress = system.Snapshots.Url };
        client.DefaultRequestHeaders.Add("dapr-api-token", LoyalifeSystem.AppApiToken);
        var prefix = $"/v1/programs/{LoyalifeSystem.ProgramId}/snapshots/{date:yyyy-MM-dd}";
        var members = new Dictionary<string, JsonElement>();
        foreach (var item in await AllAsync(client, prefix + "/members"))
        {
            members[item.GetProperty("customerId").GetString()!] = item.GetProperty("attributes").Clone();
        }

        var events = new Dictionary<string, string>();
        foreach (var item in await AllAsync(client, prefix + "/events"))
        {
            events[item.GetProperty("eventId").GetString()!] = item.GetProperty("customerId").GetString()!;
        }

        return new Snapshot(members, events);
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}?limit=10000" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            items.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.Clone()));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);
        return items;
    }
}

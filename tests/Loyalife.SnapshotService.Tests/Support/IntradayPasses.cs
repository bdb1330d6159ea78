namespace Loyalife.SnapshotService.Tests.Support;

/// <summary>
/// Runs a program's intraday passes as the dispatcher would: each takes a horizon, reads its members and events
/// through the window from the previous pass's horizon and cut-off, and becomes the previous pass.
/// </summary>
public sealed class IntradayPasses(SnapshotApp app, string programId)
{
    private string? from;
    private DateTimeOffset? since;

    public sealed record Pass(string Date, DateTimeOffset CutOff, List<JsonElement> Members, List<JsonElement> Events);

    public async Task<Pass> NextAsync(int limit = 2)
    {
        var horizon = await app.GetJsonAsync($"/v1/programs/{programId}/intraday/horizon");
        var date = horizon.GetProperty("businessDate").GetString()!;
        // As the dispatcher does, a cut-off never goes back: a transaction that began before the previous cut-off but
        // wrote (took its xid) only after that horizon was read puts the horizon's cut-off at its start, behind it.
        var cutOff = horizon.GetProperty("cutOff").GetDateTimeOffset();
        if (since > cutOff)
        {
            cutOff = since.Value;
        }

        var window = $"to={horizon.GetProperty("horizon").GetString()}&cutOff={Uri.EscapeDataString(cutOff.ToString("O"))}"
            + (from is null ? "" : $"&from={from}&since={Uri.EscapeDataString(since!.Value.ToString("O"))}");
        var members = await GetAllAsync($"/v1/programs/{programId}/intraday/{date}/members?{window}", limit);
        var events = await GetAllAsync($"/v1/programs/{programId}/intraday/{date}/events?{window}", limit);
        from = horizon.GetProperty("horizon").GetString();
        since = cutOff;
        return new Pass(date, cutOff, members, events);
    }

    /// <summary>Passes until <paramref name="done"/> holds for the events seen so far (other tests' transactions may hold a horizon back a moment).</summary>
    public async Task<List<Pass>> UntilAsync(Func<IReadOnlyList<JsonElement>, bool> done)
    {
        var passes = new List<Pass>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            passes.Add(await NextAsync());
            if (done([.. passes.SelectMany(pass => pass.Events)]))
            {
                return passes;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the expected events never reached a pass");
    }

    private async Task<List<JsonElement>> GetAllAsync(string path, int limit)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await app.GetJsonAsync($"{path}&limit={limit}" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}"));
            items.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null);

        return items;
    }
}

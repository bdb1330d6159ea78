using System.Globalization;
using System.Net.Http.Headers;
using Loyalife.AppHost.Demo;
using Loyalife.AppHost.MoEngage;
using Npgsql;

namespace Loyalife.AppHost.Tests.Support;

/// <summary>
/// The intraday lane on the running AppHost (docs/architecture.md, "The intraday lane"): with <c>intradayMinutes: 1</c>
/// set through settings-service's admin API, a ledger row committed for a member the stand-in holds reaches the stand-in
/// as its event within minutes, preceded by that member's refreshed attributes, and the lane records it as delivered.
/// </summary>
internal static class IntradayLaneCheck
{
    /// <summary>The promise: an event within 3 minutes of its row's commit (the lane's minute, the tick's minute, the pass).</summary>
    public static readonly TimeSpan Promise = TimeSpan.FromMinutes(3);

    private const int Points = 150;

    public static async Task RunAsync(DistributedApplication app, IResourceCollection resources, CancellationToken ct)
    {
        var token = await resources.OfType<ParameterResource>().Single(p => p.Name == "admin-token").GetValueAsync(ct);
        using var settings = Client(app.GetEndpoint("settings-service", "http"), token);
        using var dispatcher = Client(app.GetEndpoint("moengage-dispatcher", "http"), token);
        using var standIn = new HttpClient { BaseAddress = app.GetEndpoint("moengage", "http") };
        var program = DemoIntegrationExtensions.ProgramId;

        var integration = $"/v1/programs/{program}/integrations/moengage";
        var current = await settings.GetFromJsonAsync<JsonElement>(integration, ct);
        using var put = await settings.PutAsJsonAsync(integration, new
        {
            enabled = true, appId = current.GetProperty("appId").GetString(), dashboardUrl = current.GetProperty("dashboardUrl").GetString(),
            intradayMinutes = 1,
        }, ct);
        Assert.True(put.IsSuccessStatusCode, $"Setting intradayMinutes: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync(ct)}");

        // The day's first pass sends what the demo ledger already holds of the open day; the row below is then a pass of its own.
        await UntilAsync(async () => (await dispatcher.GetFromJsonAsync<JsonElement>($"/v1/programs/{program}/intraday-days", ct))
            .EnumerateArray().Any(day => day.GetProperty("passes").GetInt64() > 0), "the lane's first pass of the open day", Promise, ct);

        await using var ledger = NpgsqlDataSource.Create(await ((IResourceWithConnectionString)resources.Single(r => r.Name == "loyalife")).GetConnectionStringAsync(ct)
            ?? throw new InvalidOperationException("The loyalife database has no connection string."));
        var (memberId, customerId) = await HeldMemberAsync(ledger, program, ct);
        var customer = $"/control/workspaces/{DemoWorkspace.AppId}/customers/{Uri.EscapeDataString(customerId)}";
        var before = await PointsAsync(standIn, customer, ct);

        var entryId = await CommitAccrualAsync(ledger, program, memberId, ct);
        var eventId = $"pe-{entryId}";
        JsonElement? received = null;
        await UntilAsync(async () =>
        {
            var events = await standIn.GetFromJsonAsync<List<JsonElement>>($"/control/workspaces/{DemoWorkspace.AppId}/events", ct);
            received = events!.FirstOrDefault(e => e.GetProperty("attributes").TryGetProperty("loyalife_event_id", out var id) && id.GetString() == eventId);
            return received is { ValueKind: JsonValueKind.Object };
        }, $"event {eventId} at the stand-in", Promise, ct);

        // Members go before events in a pass, and the stand-in applies requests in order: by the time the event is there,
        // the member's profile already carries the balance with the new points.
        Assert.Equal(customerId, received!.Value.GetProperty("customerId").GetString());
        Assert.Equal("loyalty_points_earned", received.Value.GetProperty("name").GetString());
        Assert.Equal(before + Points, await PointsAsync(standIn, customer, ct));

        // Recorded as the lane's: the night of the day leaves it out (the dispatcher's tests prove the night's side:
        // IntradayLaneTests, every event once).
        var delivered = (await dispatcher.GetFromJsonAsync<JsonElement>($"/v1/programs/{program}/intraday-days", ct)).EnumerateArray()
            .Sum(day => day.GetProperty("eventsSent").GetInt64());
        Assert.True(delivered >= 1, $"The lane's days count no event sent after {eventId} reached the stand-in");
        await using var recorded = ledger.CreateCommand("SELECT count(*) FROM dispatch.intraday_events WHERE program_id = @p AND event_id = @e");
        recorded.Parameters.AddWithValue("p", program);
        recorded.Parameters.AddWithValue("e", eventId);
        Assert.Equal(1L, (long)(await recorded.ExecuteScalarAsync(ct))!);
    }

    private static HttpClient Client(Uri baseAddress, string? token)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A member of the program whose Relation Reference the demo workspace holds as a profile.</summary>
    private static async Task<(string MemberId, string CustomerId)> HeldMemberAsync(NpgsqlDataSource ledger, string program, CancellationToken ct)
    {
        await using var command = ledger.CreateCommand(
            "SELECT member_id, relation_reference FROM loyalty.members WHERE program_id = @p AND relation_reference IS NOT NULL ORDER BY member_id");
        command.Parameters.AddWithValue("p", program);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var held = new Regex(DemoWorkspace.CustomerIdPattern);
        while (await reader.ReadAsync(ct))
        {
            if (held.IsMatch(reader.GetString(1)))
            {
                return (reader.GetString(0), reader.GetString(1));
            }
        }

        throw new InvalidOperationException($"No member of {program} is a profile of the demo workspace.");
    }

    private static async Task<long> CommitAccrualAsync(NpgsqlDataSource ledger, string program, string memberId, CancellationToken ct)
    {
        await using var command = ledger.CreateCommand("""
            INSERT INTO loyalty.point_entries (entry_id, program_id, member_id, occurred_at, entry_type, points, transaction_id, channel)
            SELECT coalesce(max(entry_id), 0) + 1, @p, @m, now(), 'accrual', @points, 'intraday-lane-check', 'store' FROM loyalty.point_entries
            RETURNING entry_id
            """);
        command.Parameters.AddWithValue("p", program);
        command.Parameters.AddWithValue("m", memberId);
        command.Parameters.AddWithValue("points", Points);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<long> PointsAsync(HttpClient standIn, string customer, CancellationToken ct) =>
        (await standIn.GetFromJsonAsync<JsonElement>(customer, ct)).GetProperty("attributes").GetProperty("points_available").GetInt64();

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan budget, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + budget;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"No {what} within {budget.TotalMinutes} minutes");
            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }
}

using Loyalife.MoEngageStandIn;

namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>Workspace set-up and inspection on the real stand-in, through its control API.</summary>
public static class StandIn
{
    /// <summary>
    /// A workspace with Get User enabled (no quota: the dispatcher's tests pace it themselves) that refuses a body without
    /// Content-Length. It holds every <c>C</c>+7-digit customer, or only <paramref name="customers"/> when given.
    /// </summary>
    public static async Task PutWorkspaceAsync(
        this RunningStandIn standIn, string appId, string apiKey, JsonObject? limits = null, JsonObject? faults = null,
        IEnumerable<string>? customers = null)
    {
        var body = new JsonObject
        {
            ["dataCenter"] = "01",
            ["apiKey"] = apiKey,
            ["getUser"] = new JsonObject { ["enabled"] = true, ["usersPerMinute"] = null },
            ["requireContentLength"] = true,
            ["limits"] = limits ?? new JsonObject
            {
                ["bulkUsersPerMinute"] = null, ["bulkEventsPerMinute"] = null, ["trackUserPerMinute"] = null, ["createEventPerMinute"] = null,
            },
        };
        if (customers is null)
        {
            body["customerIdPattern"] = "^C\\d{7}$";
        }
        else
        {
            body["customers"] = new JsonArray(customers.Select(id => (JsonNode?)id).ToArray());
        }

        if (faults is not null)
        {
            body["faults"] = faults;
        }

        using var response = await standIn.Control.PutAsJsonAsync($"/control/workspaces/{appId}", body);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<JsonElement> StatsAsync(this RunningStandIn standIn, string appId) =>
        await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/stats");

    public static async Task<JsonElement> CustomerAsync(this RunningStandIn standIn, string appId, string customerId) =>
        await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/customers/{customerId}");

    public static async Task<JsonElement> EventsAsync(this RunningStandIn standIn, string appId) =>
        await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/events");

    public static async Task<JsonElement> RequestsAsync(this RunningStandIn standIn, string appId, int limit = 1000) =>
        await standIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{appId}/requests?limit={limit}");

    /// <summary>Every member updated once and every event stored once: nothing lost, nothing sent twice.</summary>
    public static async Task<JsonElement> AssertDeliveredOnceAsync(this RunningStandIn standIn, string appId, int members, int events)
    {
        var stats = await standIn.StatsAsync(appId);
        Xunit.Assert.Equal(members, stats.Stat("customersUpdated"));
        Xunit.Assert.Equal(events, stats.Stat("eventsAccepted"));
        Xunit.Assert.Equal(0, stats.Stat("eventsDuplicated"));
        return stats;
    }

    public static FakeProgram Program(this RunningStandIn standIn, string programId, string appId, string apiKey, int members, int events) => new()
    {
        ProgramId = programId,
        AppId = appId,
        ApiKey = apiKey,
        ApiBaseUrl = standIn.ApiBaseUrlTemplate.Replace("{dc}", "01"),
        Members = FakeProgram.MakeMembers(members),
        Events = FakeProgram.MakeEvents(events),
        SkippedMembers = new() { ["missing_reference"] = 2, ["disallowed_reference"] = 1 },
    };
}

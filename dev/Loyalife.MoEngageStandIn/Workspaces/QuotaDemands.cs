namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// What a request takes from which quota: Bulk counts its customer elements as users and its event
/// actions as events, Track User one user, Create Event its actions, Get User the users it asks for. Every element counts as sent,
/// valid or not, as MoEngage meters what it receives.
/// </summary>
internal static class QuotaDemands
{
    public static QuotaDemand Empty(DataEndpoint endpoint) => endpoint switch
    {
        DataEndpoint.BulkImport => new(QuotaKind.BulkUsers, 0, QuotaKind.BulkEvents, 0),
        DataEndpoint.TrackUser => new(QuotaKind.TrackUser, 0, QuotaKind.TrackUser, 0),
        DataEndpoint.CreateEvent => new(QuotaKind.CreateEvent, 0, QuotaKind.CreateEvent, 0),
        _ => new(QuotaKind.GetUser, 0, QuotaKind.GetUser, 0),
    };

    public static QuotaDemand GetUser(int identifiers) => Empty(DataEndpoint.GetUser) with { Users = identifiers };

    public static QuotaDemand Of(DataEndpoint endpoint, JsonElement payload)
    {
        var demand = Empty(endpoint);
        return endpoint switch
        {
            DataEndpoint.BulkImport => CountBulk(demand, payload.GetProperty("elements"u8)),
            DataEndpoint.TrackUser => demand with { Users = 1 },
            _ => demand with { Events = Math.Max(1, Actions(payload)) },
        };
    }

    private static QuotaDemand CountBulk(QuotaDemand demand, JsonElement elements)
    {
        var users = 0;
        var events = 0;
        foreach (var element in elements.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("type"u8, out var type))
            {
                continue;
            }

            users += type.ValueKind == JsonValueKind.String && type.ValueEquals("customer"u8) ? 1 : 0;
            events += type.ValueKind == JsonValueKind.String && type.ValueEquals("event"u8) ? Actions(element) : 0;
        }

        return demand with { Users = users, Events = events };
    }

    private static int Actions(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("actions"u8, out var actions)
            && actions.ValueKind == JsonValueKind.Array
            ? actions.GetArrayLength()
            : 0;
}

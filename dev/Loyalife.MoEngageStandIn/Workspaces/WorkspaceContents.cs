using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalife.MoEngageStandIn.MoEngage;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Profiles and events as MoEngage would hold them: attributes last-write-wins, every event kept
/// (duplicates included, and counted). Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class WorkspaceContents(Regex? existingCustomers)
{
    private static readonly byte[] NoAttributes = "{}"u8.ToArray();

    private readonly Dictionary<string, CustomerProfile> _profiles = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> _events = [];
    private readonly HashSet<StoredEvent> _seenEvents = new(EventIdentityComparer.Instance);
    private readonly StringPool _names = new(maxEntries: 100_000, maxBytes: 4 * ElementValidator.MaxNameLength);

    public void AddCustomers(IEnumerable<string> customerIds)
    {
        foreach (var id in customerIds)
        {
            _profiles.TryAdd(id, new CustomerProfile(id));
        }
    }

    public bool TryGetCustomer(string customerId, out IReadOnlyDictionary<string, string> attributes)
    {
        if (_profiles.TryGetValue(customerId, out var profile))
        {
            attributes = profile.Attributes();
            return true;
        }

        attributes = new Dictionary<string, string>();
        return existingCustomers?.IsMatch(customerId) == true;
    }

    public List<StoredEvent> Events(string? customerId, string? name) =>
        _events.Where(e => (customerId is null || e.CustomerId == customerId) && (name is null || e.Name == name))
            .ToList();

    public void ApplyCustomer(JsonElement element, string customerId, ref IngestTally tally)
    {
        if (!_profiles.TryGetValue(customerId, out var profile))
        {
            var updateExistingOnly = element.TryGetProperty("update_existing_only"u8, out var flag)
                && flag.ValueKind == JsonValueKind.True;
            if (updateExistingOnly && existingCustomers?.IsMatch(customerId) != true)
            {
                tally.CustomersIgnored++;
                return;
            }

            profile = new CustomerProfile(customerId);
            _profiles.Add(customerId, profile);
        }

        if (element.TryGetProperty("attributes"u8, out var attributes))
        {
            profile.Write(JsonMarshal.GetRawUtf8Value(attributes));
        }

        tally.CustomersUpdated++;
    }

    public void ApplyEvent(JsonElement element, string customerId, DateTime receivedAt, ref IngestTally tally)
    {
        var actions = element.GetProperty("actions"u8);
        var knownId = _profiles.TryGetValue(customerId, out var profile) ? profile.CustomerId
            : existingCustomers?.IsMatch(customerId) == true ? customerId
            : null;
        if (knownId is null)
        {
            // Events of users the workspace does not hold are dropped here (MoEngage itself would create the profile:
            // docs/moengage.md); the dispatcher must never
            // count on them.
            tally.EventsDropped += actions.GetArrayLength();
            return;
        }

        foreach (var action in actions.EnumerateArray())
        {
            EventTime.TryRead(action, receivedAt, out var time);
            var attributes = action.TryGetProperty("attributes"u8, out var value)
                ? JsonMarshal.GetRawUtf8Value(value).ToArray()
                : NoAttributes;
            var stored = new StoredEvent(knownId, EventName(action.GetProperty("action"u8)), time, receivedAt, attributes);
            tally.EventsDuplicated += _seenEvents.Add(stored) ? 0 : 1;
            tally.EventsAccepted++;
            _events.Add(stored);
        }
    }

    private string EventName(JsonElement name)
    {
        var raw = JsonMarshal.GetRawUtf8Value(name)[1..^1];
        return raw.Contains((byte)'\\') ? _names.Get(name.GetString()!) : _names.Get(raw);
    }
}

using System.IO.Hashing;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Profiles and events as MoEngage would hold them: a customer record or an event for a customer the
/// workspace does not hold creates the profile (only <c>update_existing_only</c> stops a record doing so);
/// attributes are last-write-wins; every event is accepted, duplicates included (and counted). For
/// inspection each customer keeps its latest <c>eventsKept</c> events; older ones are only counted, so
/// memory follows customers, not history. Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class WorkspaceContents
{
    private static readonly byte[] NoAttributes = "{}"u8.ToArray();

    private readonly Regex? existingCustomers;
    private readonly int eventsKept;
    // A profile is its packed bytes, ID included (ProfileAttributes); its events, for the customers that have any, apart.
    private readonly HashSet<byte[]> profiles = new(ProfileKeys.Instance);
    private readonly HashSet<byte[]>.AlternateLookup<ReadOnlySpan<char>> byId;
    private readonly Dictionary<string, CustomerEvents> events = new(StringComparer.Ordinal);
    private readonly List<CustomerEvents> eventHolders = [];
    // 64-bit fingerprints, not the events: duplicates are still counted after an event is no longer kept.
    private readonly HashSet<ulong> seenEvents = [];
    private readonly XxHash3 fingerprint = new();
    private readonly StringPool names = new(maxEntries: 100_000, maxBytes: 4 * ElementValidator.MaxNameLength);
    private readonly AttributeNameTable attributeNames = new();
    private readonly ProfileAttributes attributes;
    private long sequence;

    public WorkspaceContents(Regex? existingCustomers, int eventsKept)
    {
        this.existingCustomers = existingCustomers;
        this.eventsKept = eventsKept;
        attributes = new ProfileAttributes(attributeNames);
        byId = profiles.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public void AddCustomers(IEnumerable<string> customerIds, ProfileOrigin origin)
    {
        foreach (var id in customerIds)
        {
            if (!byId.Contains(id))
            {
                profiles.Add(ProfileAttributes.Empty(id, origin));
            }
        }
    }

    /// <summary>A profile of the definition, with its attributes (typed as if a customer record had sent them).</summary>
    public void Seed(string customerId, JsonElement attributes)
    {
        var profile = byId.TryGetValue(customerId, out var held) ? held : ProfileAttributes.Empty(customerId, ProfileOrigin.Defined);
        Replace(held, this.attributes.Write(profile, attributes, out _));
    }

    public StoredProfile? Find(string customerId)
    {
        if (byId.TryGetValue(customerId, out var profile))
        {
            return Read(customerId, profile);
        }

        return existingCustomers?.IsMatch(customerId) == true
            ? Read(customerId, ProfileAttributes.Empty(customerId, ProfileOrigin.Pattern))
            : null;
    }

    /// <summary>
    /// The first profile held whose customer ID satisfies <paramref name="match"/>: a scan, for the rare look-up by
    /// something other than the ID (a MoEngage ID), so no index costs memory per profile.
    /// </summary>
    public StoredProfile? FindBy(Func<string, bool> match)
    {
        foreach (var profile in profiles)
        {
            var customerId = ProfileAttributes.CustomerId(profile);
            if (match(customerId))
            {
                return Read(customerId, profile);
            }
        }

        return null;
    }

    public int ProfileCount => profiles.Count;

    /// <summary>Profiles the workspace holds (not those only matching its pattern), optionally of one origin.</summary>
    public (int Total, List<(string CustomerId, ProfileOrigin Origin)> Page) Profiles(ProfileOrigin? origin, int limit)
    {
        var total = 0;
        var page = new List<(string, ProfileOrigin)>();
        foreach (var profile in profiles)
        {
            if (origin is not null && ProfileAttributes.Origin(profile) != origin)
            {
                continue;
            }

            total++;
            if (page.Count < limit)
            {
                page.Add((ProfileAttributes.CustomerId(profile), ProfileAttributes.Origin(profile)));
            }
        }

        return (total, page);
    }

    public List<StoredEvent> Events(string? customerId, string? name)
    {
        IEnumerable<StoredEvent> events = customerId is null
            ? eventHolders.SelectMany(holder => holder.All()).OrderBy(e => e.Sequence)
            : this.events.TryGetValue(customerId, out var held) ? held.All() : [];
        return events.Where(e => name is null || e.Name == name).ToList();
    }

    public void ApplyCustomer(JsonElement element, string customerId, ref IngestTally tally)
    {
        byId.TryGetValue(customerId, out var held);
        var profile = held;
        if (profile is null)
        {
            var pattern = existingCustomers?.IsMatch(customerId) == true;
            var updateExistingOnly = element.TryGetProperty("update_existing_only"u8, out var flag)
                && flag.ValueKind == JsonValueKind.True;
            if (updateExistingOnly && !pattern)
            {
                tally.CustomersIgnored++;
                return;
            }

            tally.ProfilesCreated += pattern ? 0 : 1;
            profile = ProfileAttributes.Empty(customerId, pattern ? ProfileOrigin.Pattern : ProfileOrigin.Customer);
        }

        if (element.TryGetProperty("unset_attributes"u8, out var unset))
        {
            profile = this.attributes.Unset(profile, name => UnsetRules.Unsets(unset, name));
        }

        if (element.TryGetProperty("attributes"u8, out var attributes))
        {
            profile = this.attributes.Write(profile, attributes, out var overLimit);
            tally.AttributesOverLimit += overLimit;
            var before = profile;
            if (ArrayFields.Changes(attributes, name => this.attributes.Value(before, name)) is { } changes)
            {
                using var changed = JsonDocument.Parse(changes);
                profile = this.attributes.Write(profile, changed.RootElement, out overLimit);
                tally.AttributesOverLimit += overLimit;
            }
        }

        Replace(held, profile);
        tally.CustomersUpdated++;
    }

    public void ApplyEvent(JsonElement element, string customerId, DateTime receivedAt, ref IngestTally tally)
    {
        if (!byId.Contains(customerId))
        {
            // MoEngage's data overview: "If the user does not exist, a new user is created with the attributes
            // or events." Events have no update_existing_only.
            var pattern = existingCustomers?.IsMatch(customerId) == true;
            tally.ProfilesCreated += pattern ? 0 : 1;
            profiles.Add(ProfileAttributes.Empty(customerId, pattern ? ProfileOrigin.Pattern : ProfileOrigin.Event));
        }

        ref var held = ref CollectionsMarshal.GetValueRefOrAddDefault(events, customerId, out var hadEvents);
        if (!hadEvents)
        {
            held = new CustomerEvents(customerId, eventsKept);
            eventHolders.Add(held);
        }

        foreach (var action in element.GetProperty("actions"u8).EnumerateArray())
        {
            var time = EventTime.Read(action, receivedAt);
            var attributes = action.TryGetProperty("attributes"u8, out var value)
                ? JsonMarshal.GetRawUtf8Value(value).ToArray()
                : NoAttributes;
            var stored = new StoredEvent(++sequence, held!.CustomerId, EventName(action.GetProperty("action"u8)), time, receivedAt, attributes);
            tally.EventsDuplicated += seenEvents.Add(Fingerprint(stored)) ? 0 : 1;
            tally.EventsAccepted++;
            tally.EventsNotKept += held.Add(stored) ? 1 : 0;
        }
    }

    /// <summary>A profile array is never changed, so a write puts its new array in the old one's place.</summary>
    private void Replace(byte[]? held, byte[] profile)
    {
        if (ReferenceEquals(held, profile))
        {
            return;
        }

        if (held is not null)
        {
            profiles.Remove(held);
        }

        profiles.Add(profile);
    }

    private StoredProfile Read(string customerId, byte[] profile)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, raw) in ProfileAttributes.Read(profile))
        {
            var name = attributeNames[id];
            using var document = JsonDocument.Parse(raw);
            attributes[name] = document.RootElement.Clone();
            types[name] = AttributeTypes.Name(AttributeTypes.Of(attributes[name]));
        }

        return new StoredProfile(customerId, ProfileOrigins.Name(ProfileAttributes.Origin(profile)), attributes, types);
    }

    private ulong Fingerprint(StoredEvent stored)
    {
        fingerprint.Reset();
        fingerprint.Append(MemoryMarshal.AsBytes(stored.CustomerId.AsSpan()));
        fingerprint.Append([0]);
        fingerprint.Append(MemoryMarshal.AsBytes(stored.Name.AsSpan()));
        fingerprint.Append([0]);
        fingerprint.Append(BitConverter.GetBytes(stored.CurrentTime.Ticks));
        fingerprint.Append(stored.AttributesJson);
        return fingerprint.GetCurrentHashAsUInt64();
    }

    private string EventName(JsonElement name)
    {
        var raw = JsonMarshal.GetRawUtf8Value(name)[1..^1];
        return raw.Contains((byte)'\\') ? names.Get(name.GetString()!) : names.Get(raw);
    }
}

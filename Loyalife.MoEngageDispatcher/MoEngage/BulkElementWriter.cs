namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// Maps snapshot items (docs/ledger.md) to Bulk Import elements (docs/moengage.md). This is where Loyalife's data takes
/// MoEngage's form: member attributes go under the program's MoEngage names, and every instant is written
/// the one way MoEngage reads as a date (<see cref="MoEngageTime"/>); other values are copied as they are.
/// </summary>
public sealed class BulkElementWriter(AttributeNames names)
{
    /// <summary>
    /// <c>{"type":"customer","customer_id":…,"update_existing_only":true,"attributes":{…}}</c>: MoEngage must
    /// never create a profile, because Loyalife only updates customers MoEngage already knows.
    /// </summary>
    public bool TryWriteCustomer(Utf8JsonWriter writer, JsonElement member)
    {
        if (!TryGetCustomerId(member, out var customerId))
        {
            return false;
        }

        writer.WriteStartObject();
        writer.WriteString("type"u8, "customer"u8);
        writer.WritePropertyName("customer_id"u8);
        customerId.WriteTo(writer);
        writer.WriteBoolean("update_existing_only"u8, true);
        writer.WritePropertyName("attributes"u8);
        WriteAttributes(writer, member, names);
        writer.WriteEndObject();
        return true;
    }

    /// <summary>
    /// <c>{"type":"event","customer_id":…,"actions":[{"action":name,"attributes":{…},"current_time":"…Z"}]}</c>.
    /// Event attributes keep their names (the naming map is for profile attributes).
    /// </summary>
    public static bool TryWriteEvent(Utf8JsonWriter writer, JsonElement loyaltyEvent, out string? name)
    {
        name = loyaltyEvent.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()
            : null;
        if (string.IsNullOrEmpty(name)
            || !TryGetCustomerId(loyaltyEvent, out var customerId)
            || !loyaltyEvent.TryGetProperty("occurredAt", out var occurredAt)
            || !occurredAt.TryGetDateTimeOffset(out var instant))
        {
            return false;
        }

        Span<char> time = stackalloc char[MoEngageTime.Length];
        var written = MoEngageTime.Format(instant, time);

        writer.WriteStartObject();
        writer.WriteString("type"u8, "event"u8);
        writer.WritePropertyName("customer_id"u8);
        customerId.WriteTo(writer);
        writer.WriteStartArray("actions"u8);
        writer.WriteStartObject();
        writer.WriteString("action"u8, name);
        writer.WritePropertyName("attributes"u8);
        WriteAttributes(writer, loyaltyEvent, null);
        writer.WriteString("current_time"u8, time[..written]);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        return true;
    }

    /// <summary>The customer_id of a snapshot item, or null when it has none to send.</summary>
    public static string? CustomerId(JsonElement item) => TryGetCustomerId(item, out var id) ? id.GetString() : null;

    private static bool TryGetCustomerId(JsonElement item, out JsonElement customerId) =>
        item.TryGetProperty("customerId", out customerId)
        && customerId.ValueKind == JsonValueKind.String
        && customerId.GetString()!.Length > 0;

    private static void WriteAttributes(Utf8JsonWriter writer, JsonElement item, AttributeNames? names)
    {
        writer.WriteStartObject();
        if (item.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in attributes.EnumerateObject())
            {
                writer.WritePropertyName(names is null ? attribute.Name : names.Of(attribute.Name));
                WriteValue(writer, attribute.Value);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 10 and < 64 } text
            && MoEngageTime.TryParseInstant(text, out var instant))
        {
            Span<char> time = stackalloc char[MoEngageTime.Length];
            writer.WriteStringValue(time[..MoEngageTime.Format(instant, time)]);
            return;
        }

        value.WriteTo(writer);
    }
}

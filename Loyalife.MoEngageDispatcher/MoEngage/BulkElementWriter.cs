using System.Globalization;
using System.Text.Json;

namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// Maps snapshot items (docs/ledger.md) to Bulk Import elements (docs/moengage.md). Attributes are copied as the
/// snapshot formatted them; only the envelope is MoEngage's.
/// </summary>
public static class BulkElementWriter
{
    /// <summary>
    /// <c>{"type":"customer","customer_id":…,"update_existing_only":true,"attributes":{…}}</c>: MoEngage must
    /// never create a profile, because Loyalife only updates customers MoEngage already knows.
    /// </summary>
    public static bool TryWriteCustomer(Utf8JsonWriter writer, JsonElement member)
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
        WriteAttributes(writer, member);
        writer.WriteEndObject();
        return true;
    }

    /// <summary>
    /// <c>{"type":"event","customer_id":…,"actions":[{"action":name,"attributes":{…},"current_time":"…Z"}]}</c>,
    /// with the event's own instant in UTC to the second (the form MoEngage reads as a date).
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

        Span<char> time = stackalloc char[20];
        instant.UtcDateTime.TryFormat(time, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        writer.WriteStartObject();
        writer.WriteString("type"u8, "event"u8);
        writer.WritePropertyName("customer_id"u8);
        customerId.WriteTo(writer);
        writer.WriteStartArray("actions"u8);
        writer.WriteStartObject();
        writer.WriteString("action"u8, name);
        writer.WritePropertyName("attributes"u8);
        WriteAttributes(writer, loyaltyEvent);
        writer.WriteString("current_time"u8, time[..written]);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        return true;
    }

    private static bool TryGetCustomerId(JsonElement item, out JsonElement customerId) =>
        item.TryGetProperty("customerId", out customerId)
        && customerId.ValueKind == JsonValueKind.String
        && customerId.GetString()!.Length > 0;

    private static void WriteAttributes(Utf8JsonWriter writer, JsonElement item)
    {
        if (item.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object)
        {
            attributes.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}

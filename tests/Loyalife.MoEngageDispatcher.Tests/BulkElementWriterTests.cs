using System.Buffers;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class BulkElementWriterTests
{
    [Fact]
    public void AMemberBecomesACustomerThatOnlyUpdatesExistingProfiles()
    {
        var member = Parse("""{"memberId":"M1","customerId":"C0000001","attributes":{"points_available":120,"tier":"gold","enrollment_date":"2025-02-03"}}""");

        var json = Write(writer => new BulkElementWriter(AttributeNames.Default).TryWriteCustomer(writer, member));

        Assert.Equal(
            """{"type":"customer","customer_id":"C0000001","update_existing_only":true,"attributes":{"points_available":120,"tier":"gold","enrollment_date":"2025-02-03"}}""",
            json);
    }

    [Fact]
    public void AnEventBecomesAnActionWithItsInstantInUtcToTheSecond()
    {
        var loyaltyEvent = Parse("""
            {"eventId":"pe-7","name":"loyalty_points_earned","memberId":"M1","customerId":"C0000001",
             "occurredAt":"2026-11-27T11:15:00.123+01:00","attributes":{"program_id":"demo","loyalife_event_id":"pe-7","points":40}}
            """);
        string? name = null;

        var json = Write(writer => BulkElementWriter.TryWriteEvent(writer, loyaltyEvent, out name));

        Assert.Equal("loyalty_points_earned", name);
        Assert.Equal(
            """{"type":"event","customer_id":"C0000001","actions":[{"action":"loyalty_points_earned","attributes":{"program_id":"demo","loyalife_event_id":"pe-7","points":40},"current_time":"2026-11-27T10:15:00Z"}]}""",
            json);
    }

    [Fact]
    public void AnItemWithoutACustomerIdIsNotMapped()
    {
        var member = Parse("""{"memberId":"M1","customerId":"","attributes":{}}""");

        Assert.Null(Write(writer => new BulkElementWriter(AttributeNames.Default).TryWriteCustomer(writer, member)));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static string? Write(Func<Utf8JsonWriter, bool> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer);
        if (!write(writer))
        {
            return null;
        }

        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

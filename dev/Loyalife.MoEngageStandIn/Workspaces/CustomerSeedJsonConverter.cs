namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Reads a <see cref="CustomerSeed"/> from a bare ID string or from its object form.</summary>
internal sealed class CustomerSeedJsonConverter : JsonConverter<CustomerSeed>
{
    public override CustomerSeed? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new CustomerSeed { CustomerId = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A customer is an ID or {\"customerId\",\"attributes\"}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        string? id = null;
        Dictionary<string, JsonElement>? attributes = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.NameEquals("customerId"u8) || property.NameEquals("CustomerId"u8))
            {
                id = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : throw new JsonException("customerId must be a string.");
            }
            else if (property.NameEquals("attributes"u8) || property.NameEquals("Attributes"u8))
            {
                attributes = property.Value.ValueKind == JsonValueKind.Object
                    ? property.Value.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.Clone(), StringComparer.Ordinal)
                    : throw new JsonException("attributes must be an object.");
            }
        }

        return new CustomerSeed { CustomerId = id, Attributes = attributes };
    }

    public override void Write(Utf8JsonWriter writer, CustomerSeed value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("customerId", value.CustomerId);
        if (value.Attributes is not null)
        {
            writer.WritePropertyName("attributes");
            JsonSerializer.Serialize(writer, value.Attributes, options);
        }

        writer.WriteEndObject();
    }
}

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// MoEngage's array operators inside a customer record's <c>attributes</c>: <c>addValueToArrayField</c> appends
/// values to an array attribute (making it when absent; a value that is not an array is replaced), and
/// <c>removeValueFromArrayField</c> removes every equal value from one. As MoEngage documents: one attribute cannot be
/// added to and removed from in one call, nor set directly and changed by an operator, and its own attributes
/// (<c>platforms</c>, <c>moe_</c> names) cannot be used. The operators are never attributes themselves.
/// </summary>
internal static class ArrayFields
{
    public const string Add = "addValueToArrayField";
    public const string Remove = "removeValueFromArrayField";
    public const string ErrorType = "ArrayFieldError";

    public static bool IsOperator(string name) => name is Add or Remove;

    public static bool IsOperator(ReadOnlySpan<byte> name) => name.SequenceEqual("addValueToArrayField"u8) || name.SequenceEqual("removeValueFromArrayField"u8);

    public static ElementFault? Validate(JsonElement attributes)
    {
        var add = Operator(attributes, Add);
        var remove = Operator(attributes, Remove);
        foreach (var (name, operation) in new[] { (Add, add), (Remove, remove) })
        {
            if (operation is not { } fields)
            {
                continue;
            }

            if (fields.ValueKind != JsonValueKind.Object)
            {
                return new ElementFault(ErrorType, name, $"{name} must be an object of attribute names and arrays of values");
            }

            foreach (var field in fields.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.Array)
                {
                    return new ElementFault(ErrorType, name, $"{name}: the values for '{field.Name}' must be an array");
                }

                if (field.Name.Length is 0 or > ElementValidator.MaxNameLength)
                {
                    return new ElementFault(ErrorType, name, $"{name}: an attribute name is empty or longer than {ElementValidator.MaxNameLength} characters");
                }

                if (field.Name == "platforms" || UserAttributeNames.IgnoreReason(field.Name) is not null)
                {
                    return new ElementFault(ErrorType, name, $"{name}: '{field.Name}' is one of MoEngage's own attributes and cannot be changed this way");
                }

                if (attributes.TryGetProperty(field.Name, out _))
                {
                    return new ElementFault(ErrorType, name, $"Cannot set and {(name == Add ? "add to" : "remove from")} '{field.Name}' at the same time");
                }

                if (name == Add && remove is { ValueKind: JsonValueKind.Object } removed && removed.TryGetProperty(field.Name, out _))
                {
                    return new ElementFault(ErrorType, Add, $"Cannot add and remove '{field.Name}' at the same time");
                }
            }
        }

        return null;
    }

    /// <summary>The new value of every attribute an operator changes, as one JSON object to write over the profile.</summary>
    public static byte[]? Changes(JsonElement attributes, Func<string, JsonElement?> current)
    {
        var add = Operator(attributes, Add);
        var remove = Operator(attributes, Remove);
        if (add is null && remove is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var field in add?.EnumerateObject() ?? default)
            {
                writer.WriteStartArray(field.Name);
                if (current(field.Name) is { ValueKind: JsonValueKind.Array } held)
                {
                    held.EnumerateArray().ToList().ForEach(value => value.WriteTo(writer));
                }

                field.Value.EnumerateArray().ToList().ForEach(value => value.WriteTo(writer));
                writer.WriteEndArray();
            }

            foreach (var field in remove?.EnumerateObject() ?? default)
            {
                if (current(field.Name) is not { ValueKind: JsonValueKind.Array } held)
                {
                    continue;
                }

                writer.WriteStartArray(field.Name);
                foreach (var value in held.EnumerateArray()
                    .Where(value => !field.Value.EnumerateArray().Any(gone => JsonElement.DeepEquals(value, gone))))
                {
                    value.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static JsonElement? Operator(JsonElement attributes, string name) =>
        attributes.ValueKind == JsonValueKind.Object && attributes.TryGetProperty(name, out var value) ? value : null;
}

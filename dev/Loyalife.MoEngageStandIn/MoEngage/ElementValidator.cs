using System.Text.Unicode;

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// MoEngage's element rules (docs/moengage.md): lowercase types, a usable customer_id, the tracking policy's
/// name and size limits, no <c>moe_</c> event or event attribute names, no future-dated events. Answers the reason an element is
/// refused (<see cref="ElementFault"/>), or null. Reads raw UTF-8 so a valid element costs no allocation beyond its customer_id. Longer
/// than most files because it is the whole list of MoEngage's element rules in one place.
/// </summary>
internal static class ElementValidator
{
    public const int MaxNameLength = 200;
    public const int MaxStringLength = 512;
    public const int MaxEventAttributes = 100;

    /// <summary>Clocks differ; an event a little ahead of ours is not "future-dated".</summary>
    public static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(2);

    private const string IsEmpty = "is empty";

    private static readonly string NameTooLong = $"is longer than {MaxNameLength} characters";

    public static ElementFault? Validate(JsonElement element, DateTime now, out ElementKind kind, out string? customerId)
    {
        kind = ElementKind.Customer;
        customerId = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ElementFault.MalformedJson("element is not a JSON object");
        }

        if (HasBrokenText(element))
        {
            return ElementFault.MalformedJson("element holds text that is not valid UTF-8 or has a lone surrogate");
        }

        if (!element.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            return ElementFault.MissingAttribute("type", "type is not found in the element");
        }

        if (type.ValueEquals("event"u8))
        {
            kind = ElementKind.Event;
        }
        else if (!type.ValueEquals("customer"u8))
        {
            return new ElementFault(ElementFault.WrongType, "type", type.GetString()!.ToLowerInvariant() is "customer" or "event"
                ? "type must be lowercase ('customer' or 'event')"
                : "type must be 'customer' or 'event'");
        }

        if (!element.TryGetProperty("customer_id"u8, out var id))
        {
            return ElementFault.MissingAttribute("customer_id", "customer_id is not found in the payload");
        }

        if (id.ValueKind != JsonValueKind.String)
        {
            return ElementFault.MissingAttribute("customer_id", "customer_id is expected to be String or Unicode String");
        }

        customerId = id.GetString()!;
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return ElementFault.MissingAttribute("customer_id", "customer_id can not be empty Unicode String");
        }

        if (CustomerIds.IsDisallowed(customerId))
        {
            return ElementFault.Value("customer_id", $"customer_id '{customerId}' is a disallowed placeholder");
        }

        return kind == ElementKind.Customer ? ValidateCustomer(element) : ValidateEvent(element, now);
    }

    // Such text parses but cannot become a .NET string: every later GetString would throw (a 500). Raw bytes are
    // checked without allocating; only escaped text, where a lone surrogate can hide, is decoded to be sure.
    private static bool HasBrokenText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                return !Utf8.IsValid(raw) || (raw.Contains((byte)'\\') && !CanRead(element));
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = JsonMarshal.GetRawUtf8PropertyName(property);
                    if (!Utf8.IsValid(name) || (name.Contains((byte)'\\') && !CanRead(property)) || HasBrokenText(property.Value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (HasBrokenText(item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool CanRead(JsonElement text)
    {
        try
        {
            _ = text.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool CanRead(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static ElementFault? ValidateCustomer(JsonElement element)
    {
        if (element.TryGetProperty("update_existing_only"u8, out var flag)
            && flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            return ElementFault.Value("update_existing_only", "update_existing_only must be a boolean");
        }

        // A user attribute under one of MoEngage's own names is not stored, but does not refuse the record
        // (ProfileAttributes skips it; the workspace counts it).
        return element.TryGetProperty("attributes"u8, out var attributes)
            ? ValidateAttributes(attributes, int.MaxValue, systemNamesRefused: false)
            : null;
    }

    private static ElementFault? ValidateEvent(JsonElement element, DateTime now)
    {
        if (!element.TryGetProperty("actions"u8, out var actions) || actions.ValueKind != JsonValueKind.Array
            || actions.GetArrayLength() == 0)
        {
            return ElementFault.MissingAttribute("actions", "actions can not be empty Array");
        }

        foreach (var action in actions.EnumerateArray())
        {
            if (ValidateAction(action, now) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static ElementFault? ValidateAction(JsonElement action, DateTime now)
    {
        if (action.ValueKind != JsonValueKind.Object)
        {
            return ElementFault.MalformedJson("an action is not a JSON object");
        }

        if (!action.TryGetProperty("action"u8, out var name))
        {
            return ElementFault.MissingAttribute("action", "action is not found in the payload");
        }

        if (name.ValueKind != JsonValueKind.String)
        {
            return new ElementFault(ElementFault.Malformed, "action", "action (the event name) must be a string");
        }

        if (NameProblem(name) is { } problem)
        {
            return problem == IsEmpty
                ? ElementFault.MissingAttribute("action", "action cannot be empty Unicode string")
                : ElementFault.Value("action", "event name " + problem);
        }

        if (!EventTime.TryRead(action, now, out var time))
        {
            return ElementFault.Value("current_time", "current_time is not a date");
        }

        if (time > now + FutureSkew)
        {
            return ElementFault.Value("current_time", "event is future-dated");
        }

        return action.TryGetProperty("attributes"u8, out var attributes)
            ? ValidateAttributes(attributes, MaxEventAttributes, systemNamesRefused: true)
            : null;
    }

    private static ElementFault? ValidateAttributes(JsonElement attributes, int maxCount, bool systemNamesRefused)
    {
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return ElementFault.Value("attributes", "attributes must be a JSON object");
        }

        var count = 0;
        foreach (var attribute in attributes.EnumerateObject())
        {
            if (++count > maxCount)
            {
                return new ElementFault(ElementFault.OverLimit, "attributes", $"more than {maxCount} attributes");
            }

            if (NameProblem(attribute, systemNamesRefused) is { } problem)
            {
                return ElementFault.Value(attribute.Name, "attribute name " + problem);
            }

            if (attribute.Value.ValueKind == JsonValueKind.String && TooLong(attribute.Value, MaxStringLength))
            {
                return ElementFault.Value(attribute.Name, $"attribute {attribute.Name} has a string value longer than {MaxStringLength} characters");
            }
        }

        return null;
    }

    private static string? NameProblem(JsonProperty attribute, bool systemNamesRefused)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(attribute);
        return PrefixProblem(raw, systemNamesRefused) ?? (MaybeLonger(raw, MaxNameLength) && attribute.Name.Length > MaxNameLength
            ? NameTooLong
            : null);
    }

    private static string? NameProblem(JsonElement name)
    {
        var raw = Unquote(JsonMarshal.GetRawUtf8Value(name));
        return PrefixProblem(raw, systemNamesRefused: true) ?? (MaybeLonger(raw, MaxNameLength) && name.GetString()!.Length > MaxNameLength
            ? NameTooLong
            : null);
    }

    private static string? PrefixProblem(ReadOnlySpan<byte> raw, bool systemNamesRefused) =>
        raw.IsEmpty ? IsEmpty
        : systemNamesRefused && raw.Length >= 4 && Ascii.EqualsIgnoreCase(raw[..4], "moe_"u8) ? "uses the reserved moe_ prefix"
        : null;

    // Raw UTF-8 is never shorter in bytes than the text in characters; only long or escaped text needs decoding.
    private static bool MaybeLonger(ReadOnlySpan<byte> raw, int max) => raw.Length > max || raw.Contains((byte)'\\');

    private static bool TooLong(JsonElement value, int max)
    {
        return MaybeLonger(Unquote(JsonMarshal.GetRawUtf8Value(value)), max) && value.GetString()!.Length > max;
    }

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> rawString) => rawString[1..^1];
}

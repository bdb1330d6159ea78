namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// The type MoEngage gives a stored user attribute. A string is a date only in MoEngage's two forms,
/// <c>YYYY-MM-DD</c> and <c>YYYY-MM-DDTHH:mm:ssZ</c>; any other (fractions of a second, an offset) stays a
/// string, on which campaigns cannot filter as a date.
/// </summary>
internal static class AttributeTypes
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static AttributeType Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => AttributeType.Number,
        JsonValueKind.True or JsonValueKind.False => AttributeType.Boolean,
        JsonValueKind.Array => AttributeType.Array,
        JsonValueKind.Object => AttributeType.Object,
        JsonValueKind.Null => AttributeType.Null,
        _ => IsMoEngageDate(JsonMarshal.GetRawUtf8Value(value)[1..^1]) ? AttributeType.Date : AttributeType.String,
    };

    public static string Name(AttributeType type) => type switch
    {
        AttributeType.Number => "number",
        AttributeType.Boolean => "boolean",
        AttributeType.Date => "date",
        AttributeType.Array => "array",
        AttributeType.Object => "object",
        AttributeType.Null => "null",
        _ => "string",
    };

    /// <summary>Raw (still escaped) UTF-8 text; an escaped date is no date, as neither form needs escaping.</summary>
    public static bool IsMoEngageDate(ReadOnlySpan<byte> text)
    {
        var format = text.Length switch
        {
            10 => DateFormat,
            20 => DateTimeFormat,
            _ => null,
        };
        if (format is null || !Ascii.IsValid(text))
        {
            return false;
        }

        Span<char> chars = stackalloc char[text.Length];
        Ascii.ToUtf16(text, chars, out _);
        return DateTime.TryParseExact(chars, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// A Get User body: <c>{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"…"}],
/// "user_fields_to_export":[…]}}</c>, or the older shape with <c>user_fields_to_export</c> beside <c>data</c>.
/// At most 20 identifiers a call. Without fields every attribute is exported.
/// </summary>
internal sealed record GetUserRequest(IReadOnlyList<string> CustomerIds, IReadOnlyList<string>? Fields)
{
    public const int MaxIdentifiers = 20;

    public static GetUserRequest? Parse(JsonElement root, out Rejection? rejection)
    {
        rejection = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data"u8, out var data)
            || data.ValueKind != JsonValueKind.Object)
        {
            rejection = Rejection.BadRequest("data must be a JSON object");
            return null;
        }

        if (!data.TryGetProperty("identifiers"u8, out var identifiers) || identifiers.ValueKind != JsonValueKind.Array
            || identifiers.GetArrayLength() == 0)
        {
            rejection = Rejection.BadRequest("data.identifiers must be a non-empty array");
            return null;
        }

        if (identifiers.GetArrayLength() > MaxIdentifiers)
        {
            rejection = Rejection.TooManyIdentifiers;
            return null;
        }

        var ids = new List<string>();
        foreach (var identifier in identifiers.EnumerateArray())
        {
            if (CustomerId(identifier) is not { } id)
            {
                rejection = Rejection.BadRequest(
                    "each identifier is {\"identifier_type\":\"customer_id\",\"identifier\":\"…\"} with a non-empty string");
                return null;
            }

            ids.Add(id);
        }

        var fields = data.TryGetProperty("user_fields_to_export"u8, out var inside) ? inside
            : root.TryGetProperty("user_fields_to_export"u8, out var beside) ? beside
            : (JsonElement?)null;
        if (fields is null)
        {
            return new GetUserRequest(ids, null);
        }

        if (fields.Value.ValueKind != JsonValueKind.Array || fields.Value.EnumerateArray().Any(f => f.ValueKind != JsonValueKind.String))
        {
            rejection = Rejection.BadRequest("user_fields_to_export must be an array of strings");
            return null;
        }

        return new GetUserRequest(ids, fields.Value.EnumerateArray().Select(f => f.GetString()!).ToList());
    }

    private static string? CustomerId(JsonElement identifier) =>
        identifier.ValueKind == JsonValueKind.Object
        && identifier.TryGetProperty("identifier_type"u8, out var type) && type.ValueKind == JsonValueKind.String
        && type.ValueEquals("customer_id"u8)
        && identifier.TryGetProperty("identifier"u8, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } id
            ? id
            : null;
}

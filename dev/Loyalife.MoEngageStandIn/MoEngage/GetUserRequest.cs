namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// A Get User body: <c>{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"…"}],
/// "user_fields_to_export":[…]}}</c>, or the older shape with <c>user_fields_to_export</c> beside <c>data</c>.
/// An identifier is a <c>customer_id</c> or a <c>moengage_id</c> (MoEngage's own example request calls the latter
/// <c>id</c>, so that is read the same). At most 20 identifiers a call. Without fields every attribute is exported.
/// </summary>
internal sealed record GetUserRequest(IReadOnlyList<UserIdentifier> Identifiers, IReadOnlyList<string>? Fields)
{
    public const int MaxIdentifiers = 20;
    public const string CustomerId = "customer_id";
    public const string MoEngageId = "moengage_id";

    /// <summary>The identifier type MoEngage's own example request sends for a MoEngage ID.</summary>
    public const string Id = "id";

    public static GetUserRequest? Parse(JsonElement root, out Rejection? rejection)
    {
        rejection = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data"u8, out var data))
        {
            rejection = Rejection.Missing("data", "data is not found in the payload");
            return null;
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            rejection = Rejection.Element(ElementFault.Value("data", "data must be a JSON object"), "data must be a JSON object");
            return null;
        }

        if (!data.TryGetProperty("identifiers"u8, out var identifiers) || identifiers.ValueKind != JsonValueKind.Array
            || identifiers.GetArrayLength() == 0)
        {
            rejection = Rejection.Missing("identifiers", "identifiers is not found in the payload (a non-empty array inside data)");
            return null;
        }

        if (identifiers.GetArrayLength() > MaxIdentifiers)
        {
            rejection = Rejection.TooManyIdentifiers;
            return null;
        }

        var ids = new List<UserIdentifier>();
        foreach (var identifier in identifiers.EnumerateArray())
        {
            if (Read(identifier) is not { } id)
            {
                const string message = "each identifier is {\"identifier_type\":\"customer_id\" or \"moengage_id\",\"identifier\":\"…\"} with a non-empty string";
                rejection = Rejection.Element(ElementFault.Value("identifiers", message), message);
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
            const string message = "user_fields_to_export must be an array of strings";
            rejection = Rejection.Element(ElementFault.Value("user_fields_to_export", message), message);
            return null;
        }

        return new GetUserRequest(ids, fields.Value.EnumerateArray().Select(f => f.GetString()!).ToList());
    }

    private static UserIdentifier? Read(JsonElement identifier) =>
        identifier.ValueKind == JsonValueKind.Object
        && identifier.TryGetProperty("identifier_type"u8, out var type) && type.ValueKind == JsonValueKind.String
        && type.GetString() is CustomerId or MoEngageId or Id
        && identifier.TryGetProperty("identifier"u8, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } id
            ? new UserIdentifier(type.GetString()!, id)
            : null;
}

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// What makes MoEngage refuse a whole Bulk request (400). Anything wrong inside an element only refuses
/// that element: Bulk answers 200 for the rest (docs/moengage.md).
/// </summary>
internal static class BulkShape
{
    public static Rejection? Problem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Rejection.BadRequest("Request body must be a JSON object");
        }

        if (!root.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String
            || !type.ValueEquals("transition"u8))
        {
            return Rejection.BadRequest("type must be 'transition'");
        }

        if (!root.TryGetProperty("elements"u8, out var elements) || elements.ValueKind != JsonValueKind.Array)
        {
            return Rejection.BadRequest("elements must be an array");
        }

        return elements.GetArrayLength() == 0 ? Rejection.BadRequest("elements cannot be empty array") : null;
    }
}

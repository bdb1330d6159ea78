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
            return new Rejection(StatusCodes.Status400BadRequest, "Body type is not JSON",
                "A valid JSON document is required: the body must be a JSON object");
        }

        if (!root.TryGetProperty("type"u8, out var type))
        {
            return Rejection.Missing("type", "type is not found in the payload; it must be 'transition'");
        }

        if (type.ValueKind != JsonValueKind.String || !type.ValueEquals("transition"u8))
        {
            return new Rejection(StatusCodes.Status400BadRequest, ElementFault.WrongType, "type must be 'transition'", "type");
        }

        if (!root.TryGetProperty("elements"u8, out var elements))
        {
            return Rejection.Missing("elements", "elements is not found in the payload");
        }

        if (elements.ValueKind != JsonValueKind.Array)
        {
            return new Rejection(StatusCodes.Status400BadRequest, ElementFault.WrongType, "elements must be an array", "elements");
        }

        return elements.GetArrayLength() == 0 ? Rejection.Missing("elements", "elements cannot be empty array") : null;
    }
}

namespace Loyalife.MoEngageDispatcher.Verification;

/// <summary>Whether an attribute MoEngage holds is the value sent: equal JSON, or the same number or instant written differently.</summary>
internal static class AttributeValues
{
    public static bool Same(JsonElement sent, JsonElement stored)
    {
        if (JsonElement.DeepEquals(sent, stored))
        {
            return true;
        }

        if (sent.ValueKind == JsonValueKind.Number && stored.ValueKind == JsonValueKind.Number)
        {
            return sent.TryGetDecimal(out var a) && stored.TryGetDecimal(out var b) && a == b;
        }

        return sent.ValueKind == JsonValueKind.String && stored.ValueKind == JsonValueKind.String
            && MoEngageTime.TryParseInstant(sent.GetString(), out var x) && MoEngageTime.TryParseInstant(stored.GetString(), out var y)
            && x == y;
    }
}

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>MoEngage refuses these placeholder IDs (docs/moengage.md), compared ignoring case and white space.</summary>
internal static class CustomerIds
{
    private static readonly FrozenSet<string> Disallowed = new[]
    {
        "unknown", "guest", "null", "0", "1", "2", "-1", "-2", "true", "false", "na", "n/a", "none", "id",
        "uid", "userid", "user_id", "customer_id", "user_attribute_unique_id", "dummy_seller_code", "", "''",
        "\"\"",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsDisallowed(string customerId) => Disallowed.Contains(customerId.Trim());
}

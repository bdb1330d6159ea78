namespace Loyalife.Domain.MoEngage;

/// <summary>
/// MoEngage's naming policy for user attributes (docs/moengage.md, "Names"), and the names Loyalife's
/// attributes go under by default. settings-service checks an admin's names with it; the dispatcher
/// checks again before it sends, so no path can put a reserved name on a profile.
/// </summary>
public static class AttributeNaming
{
    public const int MaxLength = 200;

    /// <summary>Loyalife's attribute names (snapshot-service's), in the order the docs list them.</summary>
    public static IReadOnlyList<string> LoyalifeNames { get; } =
    [
        "points_available", "points_accrued_lifetime", "points_redeemed_lifetime", "points_expired_lifetime",
        "tier", "status", "enrollment_date", "last_transaction_date", "total_transactions",
        "days_since_last_activity", "points_expiring_30d", "points_expiring_60d", "points_expiring_90d",
    ];

    // MoEngage reserves `status` for itself; ours is the member's loyalty status.
    private static readonly Dictionary<string, string> DefaultOverrides = new(StringComparer.Ordinal)
    {
        ["status"] = "loyalty_status",
    };

    // Names MoEngage says must not be used for user attributes, plus the ones it blocks outright.
    // Compared ignoring case: MoEngage does not say its check is case-sensitive, so we assume the worst.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "status", "user_id", "source", "id", "_id",
        "USER_ATTRIBUTE_UNIQUE_ID", "USER_ATTRIBUTE_USER_EMAIL", "USER_ATTRIBUTE_USER_MOBILE",
        "USER_ATTRIBUTE_USER_NAME", "USER_ATTRIBUTE_USER_GENDER", "USER_ATTRIBUTE_USER_FIRST_NAME",
        "USER_ATTRIBUTE_USER_LAST_NAME", "USER_ATTRIBUTE_USER_BDAY", "USER_ATTRIBUTE_NOTIFICATION_PREF",
        "USER_ATTRIBUTE_OLD_ID", "USER_ATTRIBUTE_DND_START_TIME", "USER_ATTRIBUTE_DND_END_TIME",
        "MOE_TIME_FORMAT", "MOE_TIME_TIMEZONE", "MOE_GAID", "INSTALL", "UPDATE", "MOE_ISLAT",
    };

    /// <summary>The MoEngage name of a Loyalife attribute when the admin has not chosen one.</summary>
    public static string DefaultName(string loyalifeName) =>
        DefaultOverrides.TryGetValue(loyalifeName, out var name) ? name : loyalifeName;

    /// <summary>Every Loyalife attribute's MoEngage name: the defaults, with an admin's overrides on top.</summary>
    public static IReadOnlyDictionary<string, string> Effective(IReadOnlyDictionary<string, string>? overrides) =>
        LoyalifeNames.ToDictionary(
            name => name,
            name => overrides is not null && overrides.TryGetValue(name, out var chosen) ? chosen : DefaultName(name),
            StringComparer.Ordinal);

    /// <summary>Why MoEngage would not take <paramref name="name"/> as a user attribute, or null when it would.</summary>
    public static string? Problem(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"is longer than MoEngage's {MaxLength} characters";
        }

        if (name.Trim().Length != name.Length)
        {
            return "starts or ends with white space";
        }

        if (Reserved.Contains(name))
        {
            return "is a name MoEngage reserves for itself";
        }

        return name.StartsWith("moe_", StringComparison.OrdinalIgnoreCase)
            ? "starts with moe_, MoEngage's system prefix"
            : null;
    }
}

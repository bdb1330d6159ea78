namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// User attribute names MoEngage keeps for itself: the names its data overview says "should not be used when
/// tracking user attributes", the ones it blocks outright, and the <c>moe_</c> system prefix, except the standard
/// <c>moe_</c> attributes its data overview lists as created and updated through Track User (<c>moe_unsubscribe</c>
/// and the like), which are stored under their exact names. Compared ignoring case otherwise: MoEngage does not
/// say its check is case-sensitive. The stand-in plays MoEngage, so it keeps its own copy
/// of MoEngage's list instead of borrowing Loyalife's naming rules (Loyalife.Domain), which it exists to check.
/// </summary>
internal static class UserAttributeNames
{
    public const string SystemPrefixReason = "uses MoEngage's system prefix moe_";
    public const string ReservedReason = "is a name MoEngage reserves";

    private static readonly FrozenSet<string> Reserved = new[]
    {
        "status", "user_id", "source", "id", "_id",
        "USER_ATTRIBUTE_UNIQUE_ID", "USER_ATTRIBUTE_USER_EMAIL", "USER_ATTRIBUTE_USER_MOBILE",
        "USER_ATTRIBUTE_USER_NAME", "USER_ATTRIBUTE_USER_GENDER", "USER_ATTRIBUTE_USER_FIRST_NAME",
        "USER_ATTRIBUTE_USER_LAST_NAME", "USER_ATTRIBUTE_USER_BDAY", "USER_ATTRIBUTE_NOTIFICATION_PREF",
        "USER_ATTRIBUTE_OLD_ID", "USER_ATTRIBUTE_DND_START_TIME", "USER_ATTRIBUTE_DND_END_TIME",
        "MOE_TIME_FORMAT", "MOE_TIME_TIMEZONE", "MOE_GAID", "INSTALL", "UPDATE", "MOE_ISLAT",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>"Update through Track User API: yes" in the data overview's table (and the OpenAPI file's opt-in status).</summary>
    private static readonly FrozenSet<string> SettableStandard = new[]
    {
        "moe_wa_subscription", "moe_em_unsub_categories", "moe_sub_w", "moe_spam", "moe_unsubscribe",
        "moe_hard_bounce", "moe_sms_subscription", "moe_email_optin_status",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SettableLookup =
        SettableStandard.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ReservedLookup =
        Reserved.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestReserved = Reserved.Max(name => name.Length);

    /// <summary>Why MoEngage would not store a user attribute of this (unescaped UTF-8) name, or null.</summary>
    public static string? IgnoreReason(ReadOnlySpan<byte> name)
    {
        if (name.Length >= 4 && Ascii.EqualsIgnoreCase(name[..4], "moe_"u8))
        {
            return IsSettableStandard(name) ? null : SystemPrefixReason;
        }

        if (name.Length > LongestReserved || !Ascii.IsValid(name))
        {
            return null;
        }

        Span<char> chars = stackalloc char[name.Length];
        Ascii.ToUtf16(name, chars, out _);
        return ReservedLookup.Contains(chars) ? ReservedReason : null;
    }

    /// <summary>The same, for a name already decoded (one that was escaped in the JSON).</summary>
    public static string? IgnoreReason(string name) =>
        name.StartsWith("moe_", StringComparison.OrdinalIgnoreCase) ? (SettableStandard.Contains(name) ? null : SystemPrefixReason)
        : Reserved.Contains(name) ? ReservedReason
        : null;

    /// <summary>A standard <c>moe_</c> attribute MoEngage lets a client set (and clients may not unset).</summary>
    public static bool IsSettableStandard(string name) => SettableStandard.Contains(name);

    private static bool IsSettableStandard(ReadOnlySpan<byte> name)
    {
        if (name.Length > 32 || !Ascii.IsValid(name))
        {
            return false;
        }

        Span<char> chars = stackalloc char[name.Length];
        Ascii.ToUtf16(name, chars, out _);
        return SettableLookup.Contains(chars);
    }
}

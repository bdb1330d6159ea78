namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// Which relation references can be a MoEngage customer_id (docs/ledger.md, docs/moengage.md). The same definitions
/// feed the SQL filters, so a member is skipped in SQL exactly when <see cref="SkipReason"/> says so.
/// </summary>
public static class CustomerIds
{
    public const string MissingReference = "missing_reference";
    public const string DisallowedReference = "disallowed_reference";

    /// <summary>The characters <see cref="char.IsWhiteSpace"/> accepts; PostgreSQL's btrim gets the same set.</summary>
    public const string WhiteSpace = " \t\n\v\f\r\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";

    /// <summary>MoEngage's disallowed customer ids, lower case; compared case-insensitively (ASCII).</summary>
    public static readonly string[] Disallowed =
    [
        "unknown", "guest", "null", "0", "1", "2", "-1", "-2", "true", "false", "na", "n/a", "none", "id", "uid",
        "userid", "user_id", "customer_id", "user_attribute_unique_id", "dummy_seller_code", "(empty)", "''",
    ];

    public static string? SkipReason(string? relationReference)
    {
        var trimmed = relationReference?.Trim(WhiteSpace.ToCharArray());
        if (string.IsNullOrEmpty(trimmed))
        {
            return MissingReference;
        }

        // ASCII-only folding, not OrdinalIgnoreCase: that one maps 'ı' and 'ſ' to ASCII letters, PostgreSQL does not.
        var folded = string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] + 32) : source[i];
            }
        });
        return Disallowed.Contains(folded, StringComparer.Ordinal) ? DisallowedReference : null;
    }

    /// <summary>
    /// SQL condition that is true for a sendable member row aliased <paramref name="m"/>. Parameters
    /// <paramref name="whiteSpace"/> and <paramref name="disallowed"/> carry <see cref="WhiteSpace"/> and
    /// <see cref="Disallowed"/>. lower() under COLLATE "C" folds ASCII only, like OrdinalIgnoreCase on this list.
    /// </summary>
    public static string SqlIsSendable(string m, string whiteSpace, string disallowed) =>
        $"btrim({m}.relation_reference, {whiteSpace}) <> '' AND lower(btrim({m}.relation_reference, {whiteSpace}) COLLATE \"C\") <> ALL({disallowed})";
}

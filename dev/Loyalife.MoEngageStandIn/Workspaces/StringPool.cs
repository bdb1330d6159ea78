namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Attribute names, event names and short attribute values repeat across elements; looking them up from
/// the request's UTF-8 keeps one string per distinct text instead of one per element, which is most of
/// what ingesting a Bulk body would otherwise allocate and keep. Bounded, so unique values (IDs, amounts)
/// cannot grow it without limit: beyond the bounds a fresh string is returned.
/// Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly int maxEntries;
    private readonly int maxBytes;

    public StringPool(int maxEntries, int maxBytes)
    {
        lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > maxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[maxBytes];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        if (lookup.TryGetValue(chars[..length], out var pooled))
        {
            return pooled;
        }

        var fresh = new string(chars[..length]);
        if (strings.Count < maxEntries)
        {
            strings.Add(fresh, fresh);
        }

        return fresh;
    }

    /// <summary>For text already decoded (names with escapes).</summary>
    public string Get(string text)
    {
        if (strings.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        if (strings.Count < maxEntries && text.Length <= maxBytes)
        {
            strings.Add(text, text);
        }

        return text;
    }
}

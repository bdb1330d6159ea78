using System.Text;

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
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxEntries;
    private readonly int _maxBytes;

    public StringPool(int maxEntries, int maxBytes)
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxEntries = maxEntries;
        _maxBytes = maxBytes;
    }

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > _maxBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        Span<char> chars = stackalloc char[_maxBytes];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        if (_lookup.TryGetValue(chars[..length], out var pooled))
        {
            return pooled;
        }

        var fresh = new string(chars[..length]);
        if (_strings.Count < _maxEntries)
        {
            _strings.Add(fresh, fresh);
        }

        return fresh;
    }

    /// <summary>For text already decoded (names with escapes).</summary>
    public string Get(string text)
    {
        if (_strings.TryGetValue(text, out var pooled))
        {
            return pooled;
        }

        if (_strings.Count < _maxEntries && text.Length <= _maxBytes)
        {
            _strings.Add(text, text);
        }

        return text;
    }
}

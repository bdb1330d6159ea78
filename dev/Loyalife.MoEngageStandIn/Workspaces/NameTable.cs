using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Attribute and event names repeat in every element; looking them up from the raw UTF-8 keeps one string
/// per distinct name instead of one per element. Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class NameTable
{
    private const int StackLimit = 256;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _names.Count;

    public string Get(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return Plain(raw) ? Get(raw) : Intern(property.Name);
    }

    /// <summary>For a string value (an event name).</summary>
    public string GetString(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var unquoted = raw[1..^1];
        return Plain(unquoted) ? Get(unquoted) : Intern(value.GetString()!);
    }

    private static bool Plain(ReadOnlySpan<byte> raw) => raw.Length <= StackLimit && !raw.Contains((byte)'\\');

    private string Get(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[StackLimit];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return _lookup.TryGetValue(chars[..length], out var name) ? name : Intern(new string(chars[..length]));
    }

    private string Intern(string name)
    {
        if (_names.TryGetValue(name, out var existing))
        {
            return existing;
        }

        _names[name] = name;
        return name;
    }
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// A workspace's user attribute names, each stored once and referred to by a one-byte ID in every profile.
/// MoEngage's tracking policy allows at most 256 distinct user attributes per workspace; a name beyond them
/// is not stored (and counted). Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class AttributeNameTable
{
    public const int MaxNames = 256;
    private const int MaxStackChars = 1024;

    private readonly List<string> names = [];
    private readonly Dictionary<string, byte> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public AttributeNameTable() => lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();

    public string this[byte id] => names[id];

    /// <summary>False only when the name is new and the table is full.</summary>
    public bool TryGetId(JsonProperty attribute, out byte id)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(attribute);
        if (raw.Contains((byte)'\\') || raw.Length > MaxStackChars)
        {
            return TryGetId(attribute.Name, out id);
        }

        Span<char> chars = stackalloc char[raw.Length];
        var length = Encoding.UTF8.GetChars(raw, chars);
        return lookup.TryGetValue(chars[..length], out id) || TryAdd(new string(chars[..length]), out id);
    }

    public bool TryGetId(string name, out byte id) => ids.TryGetValue(name, out id) || TryAdd(name, out id);

    private bool TryAdd(string name, out byte id)
    {
        id = 0;
        if (names.Count >= MaxNames)
        {
            return false;
        }

        id = (byte)names.Count;
        names.Add(name);
        ids.Add(name, id);
        return true;
    }
}

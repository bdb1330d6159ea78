namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// A profile packed into one byte array: <c>[ID length as a 7-bit varint][the customer ID in UTF-8][origin]</c>,
/// then its attributes, last write wins, as entries <c>[name ID][length as a 7-bit varint][the value's raw JSON]</c>
/// (the type is read back from the JSON). A million profiles then cost one small array each instead of a key
/// string, an object and a dictionary of strings; reads (inspection, Get User) are rare and decode. An array is
/// never changed once made: a write makes a new one. Not thread-safe: the owning workspace serialises access
/// (and owns the buffers).
/// </summary>
internal sealed class ProfileAttributes(AttributeNameTable names)
{
    private readonly ArrayBufferWriter<byte> scratch = new(1024);
    private readonly List<(byte Id, JsonElement Value)> values = [];

    /// <summary>A profile of that origin without attributes.</summary>
    public static byte[] Empty(string customerId, ProfileOrigin origin)
    {
        var length = Encoding.UTF8.GetByteCount(customerId);
        var profile = new byte[VarintLength(length) + length + 1];
        var position = WriteVarint(profile, length);
        position += Encoding.UTF8.GetBytes(customerId, profile.AsSpan(position));
        profile[position] = (byte)origin;
        return profile;
    }

    /// <summary>The customer ID's UTF-8 bytes.</summary>
    public static ReadOnlySpan<byte> Key(byte[] profile)
    {
        var position = 0;
        var length = ReadVarint(profile, ref position);
        return profile.AsSpan(position, length);
    }

    public static string CustomerId(byte[] profile) => Encoding.UTF8.GetString(Key(profile));

    public static ProfileOrigin Origin(byte[] profile) => (ProfileOrigin)profile[HeaderLength(profile) - 1];

    /// <summary>
    /// <paramref name="profile"/> with <paramref name="attributes"/> written over it. Names MoEngage keeps for
    /// itself are skipped (the element's validation counted them); answers how many new names found the
    /// workspace's table full.
    /// </summary>
    public byte[] Write(byte[] profile, JsonElement attributes, out int overLimit)
    {
        overLimit = 0;
        Span<short> latest = stackalloc short[AttributeNameTable.MaxNames];
        latest.Fill(-1);
        var values = this.values;
        values.Clear();
        foreach (var attribute in attributes.EnumerateObject())
        {
            if (IgnoreReason(attribute) is not null || ArrayFields.IsOperator(JsonMarshal.GetRawUtf8PropertyName(attribute)))
            {
                continue;
            }

            if (!names.TryGetId(attribute, out var id))
            {
                overLimit++;
                continue;
            }

            // A name given twice in one object: the later value wins, as it would on a second write.
            if (latest[id] >= 0)
            {
                values[latest[id]] = (id, attribute.Value);
                continue;
            }

            latest[id] = (short)values.Count;
            values.Add((id, attribute.Value));
        }

        if (values.Count == 0)
        {
            return profile;
        }

        scratch.ResetWrittenCount();
        var header = HeaderLength(profile);
        scratch.Write(profile.AsSpan(0, header));
        for (var position = header; position < profile.Length;)
        {
            var (id, start, length) = Entry(profile, ref position);
            if (latest[id] < 0)
            {
                Append(id, profile.AsSpan(start, length));
            }
        }

        foreach (var (id, value) in values)
        {
            Append(id, JsonMarshal.GetRawUtf8Value(value));
        }

        return scratch.WrittenSpan.ToArray();
    }

    /// <summary><paramref name="profile"/> without the attributes whose name <paramref name="unset"/> picks.</summary>
    public byte[] Unset(byte[] profile, Func<string, bool> unset)
    {
        scratch.ResetWrittenCount();
        var header = HeaderLength(profile);
        scratch.Write(profile.AsSpan(0, header));
        var removed = false;
        for (var position = header; position < profile.Length;)
        {
            var (id, start, length) = Entry(profile, ref position);
            if (unset(names[id]))
            {
                removed = true;
                continue;
            }

            Append(id, profile.AsSpan(start, length));
        }

        return removed ? scratch.WrittenSpan.ToArray() : profile;
    }

    /// <summary>The value of the attribute <paramref name="name"/>, or null.</summary>
    public JsonElement? Value(byte[] profile, string name)
    {
        foreach (var (id, raw) in Read(profile))
        {
            if (names[id] == name)
            {
                using var document = JsonDocument.Parse(raw);
                return document.RootElement.Clone();
            }
        }

        return null;
    }

    public static string? IgnoreReason(JsonProperty attribute)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(attribute);
        return raw.Contains((byte)'\\') ? UserAttributeNames.IgnoreReason(attribute.Name) : UserAttributeNames.IgnoreReason(raw);
    }

    public static IEnumerable<(byte Id, ReadOnlyMemory<byte> Raw)> Read(byte[] profile)
    {
        for (var position = HeaderLength(profile); position < profile.Length;)
        {
            var (id, start, length) = Entry(profile, ref position);
            yield return (id, profile.AsMemory(start, length));
        }
    }

    /// <summary>The entry at <paramref name="position"/>, which moves past it.</summary>
    private static (byte Id, int Start, int Length) Entry(byte[] profile, ref int position)
    {
        var id = profile[position++];
        var length = ReadVarint(profile, ref position);
        var start = position;
        position += length;
        return (id, start, length);
    }

    /// <summary>ID length, ID and origin.</summary>
    private static int HeaderLength(byte[] profile)
    {
        var position = 0;
        var length = ReadVarint(profile, ref position);
        return position + length + 1;
    }

    private static int ReadVarint(byte[] bytes, ref int position)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[position++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    private static int WriteVarint(Span<byte> span, int value)
    {
        var written = 0;
        for (var rest = (uint)value; ; rest >>= 7)
        {
            span[written++] = (byte)(rest < 0x80 ? rest : (rest & 0x7F) | 0x80);
            if (rest < 0x80)
            {
                return written;
            }
        }
    }

    private static int VarintLength(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;

    private void Append(byte id, ReadOnlySpan<byte> raw)
    {
        var span = scratch.GetSpan(1 + 5 + raw.Length);
        span[0] = id;
        var written = 1 + WriteVarint(span[1..], raw.Length);
        raw.CopyTo(span[written..]);
        scratch.Advance(written + raw.Length);
    }
}

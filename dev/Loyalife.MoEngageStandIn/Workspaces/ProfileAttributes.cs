using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Loyalife.MoEngageStandIn.MoEngage;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// A profile's attributes, last write wins, packed into one byte array of entries
/// <c>[name ID][type][length as a 7-bit varint][the value's raw JSON]</c>. A million profiles then cost one
/// small array each instead of a dictionary of strings; reads (inspection, Get User) are rare and decode.
/// Not thread-safe: the owning workspace serialises access (and owns the scratch buffer).
/// </summary>
internal sealed class ProfileAttributes(AttributeNameTable names)
{
    private readonly ArrayBufferWriter<byte> _scratch = new(1024);

    /// <summary>
    /// <paramref name="current"/> with <paramref name="attributes"/> written over it. Names MoEngage keeps for
    /// itself are skipped (the element's validation counted them); answers how many new names found the
    /// workspace's table full.
    /// </summary>
    public byte[] Write(byte[]? current, JsonElement attributes, out int overLimit)
    {
        overLimit = 0;
        Span<short> latest = stackalloc short[AttributeNameTable.MaxNames];
        latest.Fill(-1);
        var values = new List<(byte Id, JsonElement Value)>();
        foreach (var attribute in attributes.EnumerateObject())
        {
            if (IgnoreReason(attribute) is not null)
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
            return current ?? [];
        }

        _scratch.ResetWrittenCount();
        foreach (var entry in Read(current))
        {
            if (latest[entry.Id] < 0)
            {
                Append(entry.Id, entry.Type, entry.Raw.Span);
            }
        }

        foreach (var (id, value) in values)
        {
            Append(id, AttributeTypes.Of(value), JsonMarshal.GetRawUtf8Value(value));
        }

        return _scratch.WrittenSpan.ToArray();
    }

    public static string? IgnoreReason(JsonProperty attribute)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(attribute);
        return raw.Contains((byte)'\\') ? UserAttributeNames.IgnoreReason(attribute.Name) : UserAttributeNames.IgnoreReason(raw);
    }

    public static IEnumerable<(byte Id, AttributeType Type, ReadOnlyMemory<byte> Raw)> Read(byte[]? record)
    {
        var position = 0;
        while (record is not null && position < record.Length)
        {
            var id = record[position];
            var type = (AttributeType)record[position + 1];
            position += 2;
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = record[position++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            yield return (id, type, record.AsMemory(position, length));
            position += length;
        }
    }

    private void Append(byte id, AttributeType type, ReadOnlySpan<byte> raw)
    {
        var span = _scratch.GetSpan(2 + 5 + raw.Length);
        span[0] = id;
        span[1] = (byte)type;
        var written = 2;
        for (var length = (uint)raw.Length; ; length >>= 7)
        {
            span[written++] = (byte)(length < 0x80 ? length : (length & 0x7F) | 0x80);
            if (length < 0x80)
            {
                break;
            }
        }

        raw.CopyTo(span[written..]);
        _scratch.Advance(written + raw.Length);
    }
}

using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Loyalife.MoEngageStandIn.MoEngage;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// A profile packed into one byte array: its <see cref="ProfileOrigin"/>, then its attributes, last write wins,
/// as entries <c>[name ID][length as a 7-bit varint][the value's raw JSON]</c> (the type is read back from the
/// JSON). A million profiles then cost one small array each instead of an object and a dictionary of strings;
/// reads (inspection, Get User) are rare and decode. Arrays are never changed once made, so profiles without
/// attributes share one per origin. Not thread-safe: the owning workspace serialises access (and owns the buffer).
/// </summary>
internal sealed class ProfileAttributes(AttributeNameTable names)
{
    private static readonly byte[][] Bare = [.. Enum.GetValues<ProfileOrigin>().Select(origin => new[] { (byte)origin })];

    private readonly ArrayBufferWriter<byte> _scratch = new(1024);

    /// <summary>A profile of that origin without attributes.</summary>
    public static byte[] Empty(ProfileOrigin origin) => Bare[(int)origin];

    public static ProfileOrigin Origin(byte[] profile) => (ProfileOrigin)profile[0];

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
            return profile;
        }

        _scratch.ResetWrittenCount();
        _scratch.Write([profile[0]]);
        foreach (var entry in Read(profile))
        {
            if (latest[entry.Id] < 0)
            {
                Append(entry.Id, entry.Raw.Span);
            }
        }

        foreach (var (id, value) in values)
        {
            Append(id, JsonMarshal.GetRawUtf8Value(value));
        }

        return _scratch.WrittenSpan.ToArray();
    }

    public static string? IgnoreReason(JsonProperty attribute)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(attribute);
        return raw.Contains((byte)'\\') ? UserAttributeNames.IgnoreReason(attribute.Name) : UserAttributeNames.IgnoreReason(raw);
    }

    public static IEnumerable<(byte Id, ReadOnlyMemory<byte> Raw)> Read(byte[] profile)
    {
        var position = 1;
        while (position < profile.Length)
        {
            var id = profile[position++];
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = profile[position++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80)
                {
                    break;
                }
            }

            yield return (id, profile.AsMemory(position, length));
            position += length;
        }
    }

    private void Append(byte id, ReadOnlySpan<byte> raw)
    {
        var span = _scratch.GetSpan(1 + 5 + raw.Length);
        span[0] = id;
        var written = 1;
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

namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// One Bulk Import request body, <c>{"type":"transition","elements":[…]}</c>, in a pooled buffer, with the
/// boundaries of its elements so that a 413 can split it and a rejection can record each element.
/// </summary>
public sealed class BulkBody : IDisposable
{
    public static ReadOnlySpan<byte> Prefix => "{\"type\":\"transition\",\"elements\":["u8;
    public static ReadOnlySpan<byte> Suffix => "]}"u8;

    private readonly List<(int Start, int Length)> elements = [];
    private readonly List<StreamPosition> ends = [];
    private readonly List<string?> eventNames = [];
    private readonly List<bool> unconfirmed = [];
    private readonly List<ItemKey?> items = [];
    private byte[] buffer;
    private int length;

    public BulkBody(ElementKind kind, int capacity)
    {
        Kind = kind;
        buffer = ArrayPool<byte>.Shared.Rent(capacity);
        Prefix.CopyTo(buffer);
        length = Prefix.Length;
    }

    public ElementKind Kind { get; }

    public int Count => elements.Count;

    /// <summary>Size of the body once closed.</summary>
    public int Length => length + Suffix.Length;

    /// <summary>Where the snapshot stream stands once every element of this body is accepted.</summary>
    public StreamPosition End => ends[^1];

    /// <summary>The closed body, ready to send.</summary>
    public ReadOnlyMemory<byte> Content
    {
        get
        {
            Suffix.CopyTo(buffer.AsSpan(length));
            return buffer.AsMemory(0, Length);
        }
    }

    public ReadOnlyMemory<byte> Element(int index) => buffer.AsMemory(elements[index].Start, elements[index].Length);

    public string? EventName(int index) => eventNames[index];

    /// <summary>Whether element <paramref name="index"/> is an event for a member MoEngage is not known to hold (sent anyway).</summary>
    public bool Unconfirmed(int index) => unconfirmed[index];

    /// <summary>The snapshot item element <paramref name="index"/> came from, when the packer was asked to keep it.</summary>
    public ItemKey? Item(int index) => items[index];

    /// <summary>
    /// Events held back, by reason, between the previous body's last element and this one's: counted when
    /// this body is, so a checkpoint and the counts it covers are saved together.
    /// </summary>
    public Dictionary<string, long> HeldBack { get; } = [];

    /// <summary>The size the body would have with one more element of <paramref name="elementLength"/> bytes.</summary>
    public int LengthWith(int elementLength) => Length + elementLength + (Count > 0 ? 1 : 0);

    public void Append(ReadOnlySpan<byte> element, string? eventName, StreamPosition end, bool unconfirmedMember = false, ItemKey? item = null)
    {
        if (Count > 0)
        {
            buffer[length++] = (byte)',';
        }

        element.CopyTo(buffer.AsSpan(length));
        elements.Add((length, element.Length));
        length += element.Length;
        ends.Add(end);
        eventNames.Add(eventName);
        unconfirmed.Add(unconfirmedMember);
        items.Add(item);
    }

    /// <summary>A new body holding elements [start, start+count) of this one (the halves of a 413).</summary>
    public BulkBody Slice(int start, int count)
    {
        var slice = new BulkBody(Kind, buffer.Length);
        for (var i = start; i < start + count; i++)
        {
            slice.Append(Element(i).Span, eventNames[i], ends[i], unconfirmed[i], items[i]);
        }

        return slice;
    }

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }
}

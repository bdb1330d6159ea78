namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// Greedy packing of elements into bodies of at most <see cref="MaxBodyBytes"/>: an element is written once
/// into a scratch buffer, then copied into the open body if it fits, else the body is closed and handed
/// out and a new one starts. Elements are never split; one that cannot fit even alone is refused.
/// </summary>
public sealed class BulkBodyPacker(int maxBodyBytes) : IDisposable
{
    private readonly ArrayBufferWriter<byte> scratch = new(4096);
    private readonly Utf8JsonWriter writer = new(Stream.Null, new JsonWriterOptions { SkipValidation = true });
    private BulkBody? open;

    public int MaxBodyBytes { get; } = maxBodyBytes;

    /// <summary>The writer for the next element; each call starts the element afresh.</summary>
    public Utf8JsonWriter BeginElement()
    {
        scratch.ResetWrittenCount();
        writer.Reset(scratch);
        return writer;
    }

    /// <summary>The element last written, as bytes (for recording it when it is refused).</summary>
    public ReadOnlySpan<byte> CurrentElement
    {
        get
        {
            writer.Flush();
            return scratch.WrittenSpan;
        }
    }

    /// <summary>
    /// Adds the element written since <see cref="BeginElement"/>. Answers the body it closed to make room
    /// (the caller sends and disposes it), and whether the element was refused as larger than any body.
    /// </summary>
    public (BulkBody? Closed, bool Oversized) Commit(ElementKind kind, string? eventName, StreamPosition end, bool unconfirmed = false, ItemKey? item = null)
    {
        var element = CurrentElement;
        if (BulkBody.Prefix.Length + element.Length + BulkBody.Suffix.Length > MaxBodyBytes)
        {
            return (null, true);
        }

        BulkBody? closed = null;
        if (open is not null && (open.Kind != kind || open.LengthWith(element.Length) > MaxBodyBytes))
        {
            closed = open;
            open = null;
        }

        open ??= new BulkBody(kind, MaxBodyBytes);
        open.Append(element, eventName, end, unconfirmed, item);
        return (closed, false);
    }

    /// <summary>The body being filled, which the element last committed went into.</summary>
    public BulkBody? Open => open;

    /// <summary>Closes and answers the open body, if it holds anything.</summary>
    public BulkBody? Flush()
    {
        var closed = open;
        open = null;
        return closed;
    }

    public void Dispose()
    {
        open?.Dispose();
        writer.Dispose();
    }
}

namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// A body sent from its pooled buffer without copying, which also tells whether it was written out in full:
/// a failure after that point may have reached MoEngage (the ambiguous case), one before it cannot have.
/// </summary>
internal sealed class BulkContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> body;

    public BulkContent(ReadOnlyMemory<byte> body)
    {
        this.body = body;
        // MoEngage wants exactly this media type (400/415 otherwise); a charset parameter is not needed for JSON.
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    public bool Sent { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(body, cancellationToken);
        Sent = true;
    }

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return true;
    }
}

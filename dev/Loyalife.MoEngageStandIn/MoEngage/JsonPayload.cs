namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>A parsed body and the pooled buffer it reads from; disposing returns both.</summary>
internal sealed class JsonPayload(JsonDocument document, byte[] buffer) : IDisposable
{
    public JsonElement Root => document.RootElement;

    public void Dispose()
    {
        document.Dispose();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}

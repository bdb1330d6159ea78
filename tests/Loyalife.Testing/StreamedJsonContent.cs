using System.Net.Http.Headers;
using System.Text;

namespace Loyalife.Testing;

/// <summary>
/// A JSON object whose one string field is <paramref name="length"/> characters ('A'), written in chunks so a test
/// can send 50 MB without holding it, with its length known so a server may refuse it before reading.
/// </summary>
public sealed class StreamedJsonContent : HttpContent
{
    private readonly byte[] prefix;
    private readonly int length;

    public StreamedJsonContent(string field, int length)
    {
        prefix = Encoding.UTF8.GetBytes($"{{\"{field}\":\"");
        this.length = length;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        try
        {
            await stream.WriteAsync(prefix);
            var chunk = Encoding.UTF8.GetBytes(new string('A', 64 * 1024));
            for (var written = 0; written < length; written += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, length - written)));
            }

            await stream.WriteAsync("\"}"u8.ToArray());
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            // The server may answer 413 and close before the whole body is sent; the answer is what the test reads.
        }
    }

    protected override bool TryComputeLength(out long computed)
    {
        computed = prefix.Length + length + 2;
        return true;
    }
}

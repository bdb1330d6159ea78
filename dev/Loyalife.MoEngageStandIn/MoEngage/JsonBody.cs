using System.Buffers;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// Reads a Data API body the way MoEngage gates it: JSON content type, at most 100 KB, well-formed.
/// Never reads more than the cap plus one byte, into a pooled buffer, so an oversized body costs nothing.
/// </summary>
internal static class JsonBody
{
    /// <summary>MoEngage's 100 KB (docs/moengage.md).</summary>
    public const int MaxBytes = 102_400;

    public static bool HasJsonContentType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers the parsed payload (caller disposes) or why the body was refused, and bytes read.</summary>
    public static async Task<(JsonPayload? Payload, Rejection? Rejection, long Bytes)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        if (!HasJsonContentType(request))
        {
            return (null, Rejection.UnsupportedMediaType, 0);
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, Rejection.PayloadTooLarge, 0);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        var length = 0;
        try
        {
            int read;
            while (length <= MaxBytes
                && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, Rejection.PayloadTooLarge, length);
            }

            // JsonDocument reads the buffer for as long as it lives: the payload returns both together.
            return (new JsonPayload(JsonDocument.Parse(buffer.AsMemory(0, length)), buffer), null, length);
        }
        catch (JsonException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return (null, Rejection.MalformedJson, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}

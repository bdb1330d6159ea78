using Microsoft.Net.Http.Headers;

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// Reads a Data API body the way MoEngage gates it: a Content-Type (none is a 400 "Missing header value"), JSON
/// (anything else 415), at most 100 KB (Bulk) or 128 KB (every other Data API), not empty, well-formed. Never
/// reads more than the cap plus one byte, into a pooled buffer, so an oversized body costs nothing.
/// </summary>
internal static class JsonBody
{
    /// <summary>MoEngage's Bulk Import cap, "a maximum of 100 KB" (docs/moengage.md).</summary>
    public const int MaxBulkBytes = 102_400;

    /// <summary>MoEngage's cap for its other Data APIs ("the maximum limit for the request body is 128 KB").</summary>
    public const int MaxOtherBytes = 131_072;

    public static int MaxBytes(DataEndpoint endpoint) => endpoint == DataEndpoint.BulkImport ? MaxBulkBytes : MaxOtherBytes;

    public static bool HasJsonContentType(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers the parsed payload (caller disposes) or why the body was refused, and bytes read.</summary>
    public static async Task<(JsonPayload? Payload, Rejection? Rejection, long Bytes)> ReadAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return (null, Rejection.MissingContentType, 0);
        }

        if (!HasJsonContentType(request))
        {
            return (null, Rejection.UnsupportedMediaType, 0);
        }

        if (request.ContentLength > maxBytes)
        {
            return (null, Rejection.PayloadTooLarge(maxBytes), 0);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        var length = 0;
        try
        {
            int read;
            while (length <= maxBytes
                && (read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            if (length > maxBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, Rejection.PayloadTooLarge(maxBytes), length);
            }

            if (length == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, Rejection.EmptyBody, 0);
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

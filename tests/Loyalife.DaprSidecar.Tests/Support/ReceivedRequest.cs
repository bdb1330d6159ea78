using System.Security.Cryptography;

namespace Loyalife.DaprSidecar.Tests.Support;

/// <summary>What a test app saw of one request.</summary>
public sealed record ReceivedRequest(
    string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength, string BodySha256, DateTimeOffset At)
{
    public static async Task<ReceivedRequest> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return new ReceivedRequest(
            request.Method,
            request.Path,
            request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()),
            buffer.Length,
            Convert.ToHexString(SHA256.HashData(buffer.ToArray())),
            DateTimeOffset.UtcNow);
    }
}

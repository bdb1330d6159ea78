using System.Security.Cryptography;

namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// How a receiver knows an alert is ours and fresh: <c>X-Loyalife-Signature: sha256={hex}</c>, the
/// HMAC-SHA256 under the target's signing secret of <c>{X-Loyalife-Timestamp}.{body}</c> (Unix seconds, a
/// dot, the raw body bytes). Signing the timestamp lets a receiver refuse a replayed old alert.
/// </summary>
public static class AlertSignature
{
    public const string SignatureHeader = "X-Loyalife-Signature";
    public const string TimestampHeader = "X-Loyalife-Timestamp";
    public const string DeliveryHeader = "X-Loyalife-Delivery";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

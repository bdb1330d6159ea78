using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>HTTP Basic credentials: user = App ID (workspace ID), password = Data API key.</summary>
internal sealed record BasicCredentials(string User, string Password)
{
    public static BasicCredentials? Parse(StringValues authorization)
    {
        var header = authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : new BasicCredentials(decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool SecretEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

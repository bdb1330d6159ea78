using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Loyalife.Testing;

/// <summary>Tokens every service must refuse with a 401, each otherwise an editor of the program it names.</summary>
public static class HostileTokens
{
    public static TheoryData<string> Kinds => ["expired an hour ago", "valid only from next hour", "for another audience", "from another issuer",
        "unsigned (alg none)", "tampered after signing", "signed by a forger's key under the issuer's key id"];

    public static string Make(TestIssuer issuer, string kind, string programId)
    {
        var claims = issuer.Claims("mallory@brand.example", new JsonArray(programId), new JsonArray("loyalife.editor"));
        var now = DateTimeOffset.UtcNow;
        switch (kind)
        {
            // Beyond the bearer's five minutes of clock skew.
            case "expired an hour ago":
                (claims["iat"], claims["nbf"], claims["exp"]) = (now.AddHours(-2).ToUnixTimeSeconds(), now.AddHours(-2).ToUnixTimeSeconds(), now.AddHours(-1).ToUnixTimeSeconds());
                return issuer.Sign(claims);
            case "valid only from next hour":
                (claims["nbf"], claims["exp"]) = (now.AddHours(1).ToUnixTimeSeconds(), now.AddHours(2).ToUnixTimeSeconds());
                return issuer.Sign(claims);
            case "for another audience":
                claims["aud"] = "api://someone-else";
                return issuer.Sign(claims);
            case "from another issuer":
                claims["iss"] = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0";
                return issuer.Sign(claims);
            case "unsigned (alg none)":
                return TestIssuer.Unsigned(claims);
            case "tampered after signing":
                return TestIssuer.Tampered(issuer.Token("viewer@brand.example", [programId], "loyalife.viewer"));
            case "signed by a forger's key under the issuer's key id":
                using (var rogue = RSA.Create(2048))
                {
                    return issuer.Sign(claims, new RsaSecurityKey(rogue.ExportParameters(true)) { KeyId = issuer.KeyId });
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a kind of hostile token");
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Loyalife.Testing;

/// <summary>
/// An OpenID Connect issuer for tests: its discovery document and signing key on a loopback port (what a
/// service's JWT bearer fetches, as from Entra or the local provider), and tokens it signs with any claims,
/// well-formed or hostile. <see cref="Settings"/> points a service at it.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    public const string Audience = "loyalife-admin-tests";

    private readonly WebApplication app;
    private readonly RsaSecurityKey key;

    private TestIssuer(WebApplication app, RsaSecurityKey key, string authority)
    {
        this.app = app;
        this.key = key;
        Authority = authority;
    }

    /// <summary>Also the tokens' issuer (<c>iss</c>).</summary>
    public string Authority { get; }

    /// <summary>The id of its signing key, for a forger's key to claim the same.</summary>
    public string KeyId => key.KeyId;

    /// <summary>The <c>Admin:Jwt</c> settings that make a service trust this issuer.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Admin:Jwt:Authority"] = Authority,
        ["Admin:Jwt:Audience"] = Audience,
        ["Admin:Jwt:RequireHttpsMetadata"] = "false",
    };

    public static async Task<TestIssuer> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-issuer-" + Guid.NewGuid().ToString("N")[..8] };
        var authority = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(authority);
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        app.MapGet("/.well-known/openid-configuration", () =>
            Results.Json(new { issuer = authority, jwks_uri = $"{authority}/keys", id_token_signing_alg_values_supported = new[] { "RS256" } }));
        app.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } }));
        await app.StartAsync();
        return new TestIssuer(app, key, authority);
    }

    /// <summary>
    /// A person's claims as the issuer would send them: <c>iss</c>, <c>aud</c>, <c>sub</c>, <c>name</c>, valid from a minute ago
    /// for ten minutes, plus <paramref name="programs"/> (<c>loyalife_programs</c>) and <paramref name="roles"/> (<c>roles</c>)
    /// when given. Any JSON goes, so a test can send what no issuer should.
    /// </summary>
    public JsonObject Claims(string subject, JsonNode? programs = null, JsonNode? roles = null)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new JsonObject
        {
            ["iss"] = Authority, ["aud"] = Audience, ["sub"] = subject, ["name"] = subject,
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        if (programs is not null)
        {
            claims["loyalife_programs"] = programs;
        }

        if (roles is not null)
        {
            claims["roles"] = roles;
        }

        return claims;
    }

    /// <summary>A person signed in with these programs and roles (JSON arrays of strings).</summary>
    public string Token(string subject, string[]? programs, params string[] roles) =>
        Sign(Claims(subject, programs is null ? null : new JsonArray([.. programs.Select(p => JsonValue.Create(p))]),
            new JsonArray([.. roles.Select(r => JsonValue.Create(r))])));

    /// <summary>Signs <paramref name="claims"/> with this issuer's key, or with <paramref name="otherKey"/> (a forger's).</summary>
    public string Sign(JsonObject claims, SecurityKey? otherKey = null) =>
        new JsonWebTokenHandler().CreateToken(claims.ToJsonString(), new SigningCredentials(otherKey ?? key, SecurityAlgorithms.RsaSha256));

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(JsonObject claims) =>
        $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(claims.ToJsonString())}.";

    /// <summary>A signed token whose payload was changed afterwards (here: made an operator), its signature kept.</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["loyalife_programs"] = new JsonArray("*");
        payload["roles"] = new JsonArray("loyalife.editor");
        return $"{parts[0]}.{Base64Url(payload.ToJsonString())}.{parts[2]}";
    }

    private static string Base64Url(string text) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(text));

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        key.Rsa.Dispose();
    }
}

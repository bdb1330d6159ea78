using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Loyalife.SettingsService.Tests;

/// <summary>With Admin:Jwt configured, a token from that issuer for that audience is an admin, named in the audit trail.</summary>
public sealed class JwtAdminTests
{
    private const string Audience = "loyalife-admin";

    [Fact]
    public async Task AJwtFromTheConfiguredAuthorityIsAnAdminAndTheAuditNamesItsSubject()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key" };
        await using var issuer = await StartIssuerAsync(key);
        var authority = issuer.Urls.First();
        await using var host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Admin:Jwt:Authority"] = authority,
            ["Admin:Jwt:Audience"] = Audience,
            ["Admin:Jwt:RequireHttpsMetadata"] = "false",
        });
        var programId = await host.NewProgramWithWorkspaceAsync("APPJWT01", "01", "JwtKey0123456789");

        using var admin = host.Client(Token(key, authority, Audience, "alice@example.com"));
        var put = await admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId),
            IntegrationBody.Enabled("APPJWT01", "JwtKey0123456789", "01"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var audit = await Json.ReadAsync(await admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"));
        Assert.Equal("alice@example.com", audit[0].Text("actor"));
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);

        using var otherAudience = host.Client(Token(key, authority, "someone-else", "mallory"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherAudience.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);
        using var rogue = RSA.Create(2048);
        using var forged = host.Client(Token(new RsaSecurityKey(rogue) { KeyId = "test-key" }, authority, Audience, "mallory"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);
    }

    private static string Token(SecurityKey key, string issuer, string audience, string subject) =>
        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            issuer, audience, [new Claim("sub", subject), new Claim("name", subject)],
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(10), new SigningCredentials(key, SecurityAlgorithms.RsaSha256)));

    // A minimal OpenID Connect issuer: discovery document and signing keys, nothing else.
    private static async Task<WebApplication> StartIssuerAsync(RsaSecurityKey key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort.Next()}");
        var app = builder.Build();
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        app.MapGet("/.well-known/openid-configuration", (HttpRequest request) =>
        {
            var issuer = $"{request.Scheme}://{request.Host}";
            return Results.Json(new { issuer, jwks_uri = $"{issuer}/keys", id_token_signing_alg_values_supported = new[] { "RS256" } });
        });
        app.MapGet("/keys", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } }));
        await app.StartAsync();
        return app;
    }
}

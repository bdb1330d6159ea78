using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Loyalife.SettingsService.Tests;

/// <summary>With Admin:Jwt configured, a token from that issuer for that audience is an admin, named in the audit trail.</summary>
public sealed class JwtAdminTests
{
    [Fact]
    public async Task AJwtFromTheConfiguredAuthorityIsAnAdminAndTheAuditNamesItsSubject()
    {
        await using var issuer = await TestIssuer.StartAsync();
        await using var host = await SettingsServiceHost.StartAsync(issuer.Settings);
        var programId = await host.NewProgramWithWorkspaceAsync("APPJWT01", "01", "JwtKey0123456789");

        using var admin = host.Client(issuer.Token("alice@example.com", [programId], "loyalife.editor"));
        var put = await admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId),
            IntegrationBody.Enabled("APPJWT01", "JwtKey0123456789", "01"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var audit = await Json.ReadAsync(await admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"));
        Assert.Equal("alice@example.com", audit[0].Text("actor"));
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);

        var otherAudience = issuer.Claims("mallory", new JsonArray("*"), new JsonArray("loyalife.editor"));
        otherAudience["aud"] = "someone-else";
        using var foreign = host.Client(issuer.Sign(otherAudience));
        Assert.Equal(HttpStatusCode.Unauthorized, (await foreign.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);
        using var rogue = RSA.Create(2048);
        using var forged = host.Client(issuer.Sign(issuer.Claims("mallory", new JsonArray("*"), new JsonArray("loyalife.editor")),
            new RsaSecurityKey(rogue) { KeyId = issuer.KeyId }));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);
    }
}

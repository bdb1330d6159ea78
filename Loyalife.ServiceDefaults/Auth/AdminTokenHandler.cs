using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>Accepts <c>Authorization: Bearer {Admin:Token}</c>; anything else is left to the JWT scheme, if any.</summary>
internal sealed class AdminTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptionsMonitor<AdminOptions> admin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = admin.CurrentValue.Token;
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(expected) || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        if (!CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not the admin token."));
        }

        var name = admin.CurrentValue.TokenUserName;
        // The shared token is an operator: every program, editor (docs/access.md); said in the same claims a person's token carries.
        var access = admin.CurrentValue.Access;
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name), new Claim("sub", name),
                new Claim(access.ProgramsClaim, AccessOptions.EveryProgram), new Claim(access.RoleClaim, access.EditorRole),
            ],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

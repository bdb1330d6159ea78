using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using Microsoft.AspNetCore;
using OpenIddict.Server.AspNetCore;

namespace Loyalife.IdentityProvider.Connect;

/// <summary>
/// The two OpenID Connect endpoints OpenIddict hands to us (authorize, end session) and the home page; the token,
/// discovery and key endpoints are OpenIddict's own. There is no session at the provider: every sign-in asks
/// which demo person you are, so signing out of the admin page and in again can pick someone else.
/// </summary>
public static class ConnectEndpoints
{
    public const string PersonParameter = "person";

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => SignInPage.Home()).ExcludeFromDescription();
        routes.MapMethods("/connect/authorize", ["GET", "POST"], Authorize).ExcludeFromDescription();
        routes.MapMethods("/connect/logout", ["GET", "POST"], () =>
            // OpenIddict sends the browser to the client's registered post_logout_redirect_uri; "/" without one.
            Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]))
            .ExcludeFromDescription();
        return routes;
    }

    private static IResult Authorize(HttpContext http, IOptions<IdentityProviderOptions> options)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not pass the authorization request on.");
        var person = DemoPeople.Find((string?)request[PersonParameter]);
        if (person is null)
        {
            return SignInPage.Choose(http.Request.QueryString);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, "roles");
        identity.SetClaim(Claims.Subject, person.Subject)
            .SetClaim(Claims.Name, person.Name)
            .SetClaim(Claims.PreferredUsername, person.UserName)
            // One value goes out as a JSON string, several as an array; the services read both.
            .SetClaims("roles", [person.Role])
            .SetClaims("loyalife_programs", [.. person.Programs]);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(options.Value.Audience);
        // Everything goes into both tokens: the page's session reads the ID token, the services the access token.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Loyalife.SettingsService.Admin;

/// <summary>
/// Signing in and out of the admin page. Both are top-level navigations (links), not form posts: the provider's
/// pages are another origin, and the page's CSP lets forms post only to itself. Signing out by GET is safe
/// because the session cookie is SameSite=Strict: another site cannot make a request that carries it.
/// </summary>
public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapAdminSignIn(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(AdminSession.SignInPath, SignInAsync).ExcludeFromDescription();
        routes.MapGet(AdminSession.SignOutPath, SignOutAsync).ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IOptions<AdminSignInOptions> options, ILoggerFactory logs)
    {
        if (!await HasOpenIdConnectAsync(http))
        {
            return SignInPages.Unavailable("Signing in with an identity provider is not set up for this installation; use the admin token.");
        }

        try
        {
            // The handler fetches the provider's discovery document first: that is where an unreachable provider shows.
            await http.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/admin" });
            return Results.Empty;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logs.CreateLogger(typeof(SignInEndpoints)).LogWarning("The identity provider could not be reached: {Error}", exception.GetType().Name);
            return SignInPages.Unavailable("The identity provider cannot be reached.");
        }
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, ILoggerFactory logs)
    {
        var session = await http.AuthenticateAsync(AdminSession.Scheme);
        IResult result = Results.Redirect("/admin");
        if (session.Succeeded && await HasOpenIdConnectAsync(http))
        {
            try
            {
                // Ends the provider's side too (it comes back to /admin); the session's ID token tells it whose session it was.
                await http.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = "/admin" });
                result = Results.Empty;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
            {
                // This side signs out regardless; a provider that is away need not know.
                logs.CreateLogger(typeof(SignInEndpoints)).LogWarning("The identity provider could not be told of a sign-out: {Error}", exception.GetType().Name);
            }
        }

        await http.SignOutAsync(AdminSession.Scheme);
        return result;
    }

    private static async Task<bool> HasOpenIdConnectAsync(HttpContext http) =>
        await http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null;
}

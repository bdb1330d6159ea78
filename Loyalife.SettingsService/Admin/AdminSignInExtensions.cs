using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The admin page's sign-in: OpenID Connect's authorization code flow with PKCE against <c>Admin:Jwt</c>'s
/// provider, redeemed by the server, then a session cookie. The tokens never reach the browser; the access
/// token goes with the page's calls to the dispatcher (<see cref="CallerCredentials"/>).
/// </summary>
public static class AdminSignInExtensions
{
    /// <returns>The session's scheme, for the admin policy to accept.</returns>
    public static string AddAdminSignIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminSignInOptions>().BindConfiguration(AdminSignInOptions.Section);
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton<SessionTicketStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(AdminSession.Scheme)
            .Configure<SessionTicketStore>((cookie, store) => cookie.SessionStore = store);

        var authentication = builder.Services.AddAuthentication().AddCookie(AdminSession.Scheme, cookie =>
        {
            cookie.Cookie.Name = AdminSession.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.Events = new CookieAuthenticationEvents
            {
                OnValidatePrincipal = SessionChecks.ValidateAsync,
                // The session answers API calls: a status, never a redirect to a login page.
                OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden),
            };
        });

        var jwt = builder.Configuration.GetSection(AdminOptions.Section).Get<AdminOptions>()?.Jwt;
        var signIn = builder.Configuration.GetSection(AdminSignInOptions.Section).Get<AdminSignInOptions>();
        if (jwt is { IsConfigured: true } && signIn is { IsConfigured: true })
        {
            authentication.AddOpenIdConnect(oidc => Configure(oidc, jwt, signIn));
        }

        return AdminSession.Scheme;
    }

    private static void Configure(OpenIdConnectOptions oidc, AdminJwtOptions jwt, AdminSignInOptions signIn)
    {
        oidc.SignInScheme = AdminSession.Scheme;
        oidc.Authority = jwt.Authority;
        oidc.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        oidc.ClientId = signIn.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(signIn.ClientSecret) ? null : signIn.ClientSecret;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        // A redirect, not an auto-posted form: nothing for the page's CSP (form-action 'self') to stop.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.SaveTokens = true;
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.RoleClaimType = "roles";
        oidc.Scope.Clear();
        foreach (var scope in (string[])["openid", "profile", .. signIn.Scopes])
        {
            oidc.Scope.Add(scope);
        }

        oidc.SignedOutRedirectUri = "/admin";
        if (!jwt.RequireHttpsMetadata)
        {
            // A local provider over plain http: the flow's short-lived cookies cannot be Secure, so not SameSite=None.
            oidc.CorrelationCookie.SecurePolicy = oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.CorrelationCookie.SameSite = oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        }

        oidc.Events = new OpenIdConnectEvents { OnRemoteFailure = SignInPages.RemoteFailureAsync };
    }

    private static Task Status<TOptions>(RedirectContext<TOptions> context, int status)
        where TOptions : AuthenticationSchemeOptions
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

using Loyalife.IdentityProvider;

namespace Loyalife.SettingsService.Tests.Support;

/// <summary>
/// settings-service with the admin page signing people in at the development identity provider, started in
/// this process: the service first (it reads the provider's metadata only when someone signs in), then the
/// provider on the port the service was told, with the service's callbacks registered.
/// </summary>
public static class SignInSetup
{
    public const string ClientId = "loyalife-admin-page";
    public const string ClientSecret = "admin-page-secret-for-tests-5d1e";
    public const string Audience = "loyalife-admin";

    /// <summary>The service's settings that point it at a provider on <paramref name="providerPort"/>.</summary>
    public static Dictionary<string, string?> ServiceSettings(int providerPort) => new()
    {
        ["Admin:Jwt:Authority"] = $"http://127.0.0.1:{providerPort}",
        ["Admin:Jwt:Audience"] = Audience,
        ["Admin:Jwt:RequireHttpsMetadata"] = "false",
        ["Admin:SignIn:ClientId"] = ClientId,
        ["Admin:SignIn:ClientSecret"] = ClientSecret,
    };

    public static Task<RunningIdentityProvider> StartProviderAsync(int port, Uri appUrl) =>
        IdentityProviderHost.StartAsync(port, new Dictionary<string, string?>
        {
            ["IdentityProvider:Audience"] = Audience,
            ["IdentityProvider:AdminPage:ClientId"] = ClientId,
            ["IdentityProvider:AdminPage:ClientSecret"] = ClientSecret,
            ["IdentityProvider:AdminPage:RedirectUris:0"] = new Uri(appUrl, "/signin-oidc").ToString(),
            ["IdentityProvider:AdminPage:PostLogoutRedirectUris:0"] = new Uri(appUrl, "/signout-callback-oidc").ToString(),
        });
}

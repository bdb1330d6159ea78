using Microsoft.AspNetCore.Authentication;

namespace Loyalife.SettingsService.Admin;

/// <summary>The credentials that speak for the caller when settings-service calls the dispatcher on their behalf.</summary>
public static class CallerCredentials
{
    /// <summary>
    /// The caller's own bearer header when they sent one (the admin token, an API client's JWT); for the page's
    /// session, the signed-in person's access token, which the dispatcher validates like any other.
    /// </summary>
    public static async Task<string?> AuthorizationAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrEmpty(header))
        {
            return header;
        }

        var accessToken = await http.GetTokenAsync(AdminSession.Scheme, "access_token");
        return accessToken is null ? null : $"Bearer {accessToken}";
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Loyalife.SettingsService.Admin;

/// <summary>What a session must pass on every request, beyond the cookie being genuine.</summary>
internal static class SessionChecks
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        // The session lives as long as the access token it forwards to the dispatcher: past it, sign in again.
        if (DateTimeOffset.TryParse(context.Properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires)
            && expires <= context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminSession.Scheme);
            return;
        }

        var request = context.HttpContext.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            && !request.Headers.ContainsKey(AdminSession.ChangeHeader))
        {
            // A change without the page's header did not come from the page: the cookie does not count for it.
            context.RejectPrincipal();
        }
    }
}

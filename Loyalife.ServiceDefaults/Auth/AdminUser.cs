using System.Security.Claims;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>The name a signed-in admin goes by (audit trails, logs), whichever way they signed in.</summary>
public static class AdminUser
{
    public static string NameOf(ClaimsPrincipal user) =>
        user.Identity?.Name
        ?? user.FindFirst("preferred_username")?.Value
        ?? user.FindFirst("name")?.Value
        ?? user.FindFirst("sub")?.Value
        ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
        ?? "unknown";
}

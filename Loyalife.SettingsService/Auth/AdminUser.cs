using System.Security.Claims;

namespace Loyalife.SettingsService.Auth;

/// <summary>The name the audit trail records for the signed-in admin.</summary>
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

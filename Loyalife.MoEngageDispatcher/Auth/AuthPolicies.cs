namespace Loyalife.MoEngageDispatcher.Auth;

/// <summary>The two callers the dispatcher accepts: Dapr (the cron binding, with the app token) and admins.</summary>
public static class AuthPolicies
{
    /// <summary>Calls that came through the Dapr sidecar (<c>dapr-api-token</c> = APP_API_TOKEN).</summary>
    public const string Dapr = "Dapr";

    /// <summary><c>Authorization: Bearer</c> with <c>Admin:Token</c>, or a JWT when <c>Admin:Jwt</c> is configured.</summary>
    public const string Admin = "Admin";
}

namespace Loyalife.SettingsService.Auth;

public static class Policies
{
    /// <summary>An authenticated admin: the admin bearer token or a JWT from the configured authority.</summary>
    public const string Admin = "admin";

    /// <summary>A call that came through the Dapr sidecar (dapr-api-token equals APP_API_TOKEN).</summary>
    public const string ThroughDapr = "through-dapr";
}

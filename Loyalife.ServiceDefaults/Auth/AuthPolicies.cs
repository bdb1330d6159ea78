namespace Loyalife.ServiceDefaults.Auth;

/// <summary>The kinds of caller a Loyalife service accepts, by the same names in every service.</summary>
public static class AuthPolicies
{
    /// <summary>An admin: <c>Authorization: Bearer {Admin:Token}</c>, or a JWT from <c>Admin:Jwt</c>'s authority when configured.</summary>
    public const string Admin = "admin";

    /// <summary>An admin allowed on the route's program (<see cref="ProgramAccessExtensions.RequireProgramAccess"/>, docs/access.md).</summary>
    public const string ProgramAccess = "program-access";

    /// <summary>A call that came through the Dapr sidecar: its <c>dapr-api-token</c> header equals <c>APP_API_TOKEN</c>.</summary>
    public const string ThroughDapr = "through-dapr";
}

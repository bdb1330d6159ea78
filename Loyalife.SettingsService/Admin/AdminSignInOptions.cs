namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The admin page as a client of the identity provider of <c>Admin:Jwt</c> (section <c>Admin:SignIn</c>).
/// Without a client id the page offers only the admin token.
/// </summary>
public sealed class AdminSignInOptions
{
    public const string Section = "Admin:SignIn";

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (PKCE alone); Entra ID's web apps redeem the code with a secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Beyond <c>openid profile</c>: Entra ID's access token for the API needs e.g. <c>api://{audience}/.default</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    public bool IsConfigured => !string.IsNullOrEmpty(ClientId);
}

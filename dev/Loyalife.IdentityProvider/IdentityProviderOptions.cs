using System.ComponentModel.DataAnnotations;
using Loyalife.IdentityProvider.Clients;

namespace Loyalife.IdentityProvider;

/// <summary>What the provider issues tokens for (section <c>IdentityProvider</c>).</summary>
public sealed class IdentityProviderOptions
{
    public const string Section = "IdentityProvider";

    /// <summary>The <c>aud</c> of every access token: the services' <c>Admin:Jwt:Audience</c>.</summary>
    [Required]
    public string Audience { get; set; } = "loyalife-admin";

    /// <summary>settings-service's admin page, which signs people in with the authorization code flow.</summary>
    [ValidateObjectMembers]
    public ClientRegistration AdminPage { get; set; } = new();
}

using System.ComponentModel.DataAnnotations;

namespace Loyalife.IdentityProvider.Clients;

/// <summary>One client allowed to sign people in: where it may send them back to, after sign-in and sign-out.</summary>
public sealed class ClientRegistration
{
    [Required]
    public string ClientId { get; set; } = "loyalife-admin-page";

    /// <summary>Set: a confidential client (the server redeems the code with it). Empty: a public client, PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    public List<Uri> RedirectUris { get; set; } = [];

    public List<Uri> PostLogoutRedirectUris { get; set; } = [];
}

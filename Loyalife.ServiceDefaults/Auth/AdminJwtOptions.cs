namespace Loyalife.ServiceDefaults.Auth;

/// <summary>An identity provider whose tokens sign admins in (<c>Admin:Jwt</c>), next to or instead of the shared admin token.</summary>
public sealed class AdminJwtOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Off only for a local identity provider served over plain http (development, tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrEmpty(Authority) && !string.IsNullOrEmpty(Audience);
}

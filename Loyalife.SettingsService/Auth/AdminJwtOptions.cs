namespace Loyalife.SettingsService.Auth;

public sealed class AdminJwtOptions
{
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    public bool IsConfigured => !string.IsNullOrEmpty(Authority) && !string.IsNullOrEmpty(Audience);
}

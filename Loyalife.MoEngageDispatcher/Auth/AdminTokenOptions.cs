using Microsoft.AspNetCore.Authentication;

namespace Loyalife.MoEngageDispatcher.Auth;

public sealed class AdminTokenOptions : AuthenticationSchemeOptions
{
    public string? Token { get; set; }
}

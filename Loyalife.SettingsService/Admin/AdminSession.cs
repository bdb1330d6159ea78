namespace Loyalife.SettingsService.Admin;

/// <summary>The names the admin page's signed-in session goes by.</summary>
public static class AdminSession
{
    /// <summary>The cookie scheme: the browser holds only a session id; the tokens stay in <see cref="SessionTicketStore"/>.</summary>
    public const string Scheme = "AdminSession";

    public const string CookieName = "loyalife-admin-session";

    /// <summary>
    /// A change made with the session cookie must carry this header. A cross-site form cannot set a header, and
    /// SameSite=Strict keeps the cookie off cross-site requests anyway: two locks on one door.
    /// </summary>
    public const string ChangeHeader = "X-Loyalife-Admin";

    public const string SignInPath = "/admin/sign-in";

    public const string SignOutPath = "/admin/sign-out";
}

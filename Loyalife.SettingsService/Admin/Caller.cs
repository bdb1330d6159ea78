namespace Loyalife.SettingsService.Admin;

/// <summary>The caller as the admin page shows them.</summary>
public sealed record Caller(string Name, string Role, IReadOnlyList<string> Programs, bool Session)
{
    private const string TokenScheme = "AdminToken";

    /// <summary>
    /// Reads the claims named in <c>Admin:Access</c> (defaults <c>loyalife_programs</c>, <c>roles</c>): an editor
    /// role makes an editor, anything else a viewer; the shared admin token is an operator of every program.
    /// </summary>
    /// <param name="session">Signed in through the page's session (no bearer header of their own).</param>
    public static Caller Of(ClaimsPrincipal user, bool session, IConfiguration configuration)
    {
        var access = configuration.GetSection("Admin:Access");
        var editor = access["EditorRole"] ?? "loyalife.editor";
        if (user.Identities.Any(identity => identity.IsAuthenticated && identity.AuthenticationType == TokenScheme))
        {
            return new Caller(AdminUser.NameOf(user), editor, ["*"], session);
        }

        var roles = user.FindAll(access["RolesClaim"] ?? "roles").Select(claim => claim.Value);
        var programs = user.FindAll(access["ProgramsClaim"] ?? "loyalife_programs").SelectMany(claim => ProgramsIn(claim.Value)).Distinct().ToList();
        return new Caller(AdminUser.NameOf(user), roles.Contains(editor) ? editor : access["ViewerRole"] ?? "loyalife.viewer", programs, session);
    }

    // A claim that held a JSON array may arrive as one claim holding the array's text.
    private static IEnumerable<string> ProgramsIn(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            return JsonSerializer.Deserialize<string[]>(value) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>
/// Where a caller's programs and role are read from (<c>Admin:Access</c>), since each platform's identity
/// provider names them its own way. What they mean: docs/access.md.
/// </summary>
public sealed class AccessOptions
{
    /// <summary>The programs a caller may see: one claim per program, a JSON array, or a single string; <see cref="EveryProgram"/> = all.</summary>
    public string ProgramsClaim { get; set; } = "loyalife_programs";

    public string RoleClaim { get; set; } = "roles";

    public string ViewerRole { get; set; } = "loyalife.viewer";

    public string EditorRole { get; set; } = "loyalife.editor";

    /// <summary>The program list of Loyalife's own operators.</summary>
    public const string EveryProgram = "*";
}

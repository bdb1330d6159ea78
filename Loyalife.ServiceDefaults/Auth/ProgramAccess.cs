using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>
/// The programs a signed-in caller may see and whether it may change them, read from its claims the same way
/// whichever way it signed in (docs/access.md). A handler takes it as a parameter to filter lists and to check
/// a run looked up by id; the route's own program is checked before the handler runs (<see cref="ProgramAccessExtensions"/>).
/// </summary>
public sealed class ProgramAccess
{
    private readonly HashSet<string>? programs;

    private ProgramAccess(HashSet<string>? programs, AccessRole role)
    {
        this.programs = programs;
        Role = role;
    }

    public AccessRole Role { get; }

    /// <summary>Loyalife's own operators (and the shared admin token): every program, even one created after sign-in.</summary>
    public bool EveryProgram => programs is null;

    /// <summary>The programs named in the caller's claim; empty for an operator (<see cref="EveryProgram"/>).</summary>
    public IReadOnlyCollection<string> Programs => programs ?? [];

    /// <summary>Whether the program exists for this caller at all: outside its programs it is answered as unknown.</summary>
    public bool Holds(string programId) => programs is null || programs.Contains(programId);

    public bool CanRead(string programId) => Role != AccessRole.None && Holds(programId);

    public bool CanChange(string programId) => Role == AccessRole.Editor && Holds(programId);

    public static ProgramAccess Of(ClaimsPrincipal user, AccessOptions options)
    {
        var listed = ProgramClaims.Read(user, options.ProgramsClaim);
        var role = ProgramClaims.RoleOf(user, options);
        return new ProgramAccess(listed.Contains(AccessOptions.EveryProgram) ? null : listed, role);
    }

    /// <summary>Read once per request and kept with it, so the check before the handler and the handler agree.</summary>
    public static ProgramAccess For(HttpContext http)
    {
        if (http.Items[typeof(ProgramAccess)] is ProgramAccess known)
        {
            return known;
        }

        var access = Of(http.User, http.RequestServices.GetRequiredService<IOptionsMonitor<AdminOptions>>().CurrentValue.Access);
        http.Items[typeof(ProgramAccess)] = access;
        return access;
    }

    /// <summary>Lets a minimal API handler take the caller's access as a parameter.</summary>
    public static ValueTask<ProgramAccess?> BindAsync(HttpContext http) => ValueTask.FromResult<ProgramAccess?>(For(http));
}

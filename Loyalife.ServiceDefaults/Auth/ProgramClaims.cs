using System.Security.Claims;
using System.Text.Json;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>
/// Reads the programs and role claims as identity providers send them: one claim per value (a JSON array in
/// a JWT), a JSON array inside one string (some claims-mapping policies, a cookie session), or one string.
/// Anything that is not a well-formed value is dropped, never an error: a caller's access can only shrink by it.
/// </summary>
internal static class ProgramClaims
{
    /// <summary>Longer than any program id Loyalife uses; a longer value cannot name a program.</summary>
    public const int MaxProgramIdLength = 200;

    public static HashSet<string> Read(ClaimsPrincipal user, string claimType)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var claim in user.FindAll(claimType))
        {
            foreach (var value in Values(claim))
            {
                if (IsProgramId(value))
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }

    public static AccessRole RoleOf(ClaimsPrincipal user, AccessOptions options)
    {
        var role = AccessRole.None;
        foreach (var claim in user.FindAll(options.RoleClaim))
        {
            foreach (var value in Values(claim))
            {
                // The highest role named wins; names the platform did not define are ignored.
                if (value == options.EditorRole)
                {
                    role = AccessRole.Editor;
                }
                else if (value == options.ViewerRole && role == AccessRole.None)
                {
                    role = AccessRole.Viewer;
                }
            }
        }

        return role;
    }

    /// <summary>
    /// A program id as routes carry it: no path, query or control characters and no spaces, so a claim can
    /// never name something a route could not (and a program id is never a path).
    /// </summary>
    public static bool IsProgramId(string value) =>
        value.Length is > 0 and <= MaxProgramIdLength
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c is '/' or '\\' or '?' or '#' or '%');

    private static IEnumerable<string> Values(Claim claim)
    {
        // A JWT's numbers, booleans, objects and nested arrays arrive with their JSON value type: none of them is a
        // program or role. (A string that reads as a date arrives typed DateTime; it is still a string.)
        if (claim.ValueType is not (ClaimValueTypes.String or ClaimValueTypes.DateTime))
        {
            return [];
        }

        // Not trimmed: " loyalife.editor" is not the editor role, "demo " not program demo. An object serialized
        // into a string is no list of names either.
        return claim.Value.StartsWith('[') ? ArrayOf(claim.Value) : claim.Value.StartsWith('{') ? [] : [claim.Value];
    }

    private static List<string> ArrayOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2 });
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? [.. document.RootElement.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

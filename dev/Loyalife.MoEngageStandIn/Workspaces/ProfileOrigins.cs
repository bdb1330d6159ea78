namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>The control API's names of <see cref="ProfileOrigin"/>: <c>defined, added, pattern, customer, event</c>.</summary>
internal static class ProfileOrigins
{
    public static string Name(ProfileOrigin origin) => origin switch
    {
        ProfileOrigin.Defined => "defined",
        ProfileOrigin.Added => "added",
        ProfileOrigin.Pattern => "pattern",
        ProfileOrigin.Customer => "customer",
        _ => "event",
    };

    /// <summary>An absent name means "any origin"; false for a name that is none of them.</summary>
    public static bool TryParse(string? name, out ProfileOrigin? origin)
    {
        origin = null;
        if (string.IsNullOrEmpty(name))
        {
            return true;
        }

        foreach (var candidate in Enum.GetValues<ProfileOrigin>())
        {
            if (Name(candidate) == name)
            {
                origin = candidate;
                return true;
            }
        }

        return false;
    }
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// A profile as the workspace holds it: packed attributes (<see cref="ProfileAttributes"/>), its latest
/// events, and how it came to exist. A struct stored in the profile dictionary, so a profile costs no
/// object of its own.
/// </summary>
internal struct Profile
{
    public byte[]? Attributes;
    public CustomerEvents? Events;
    public ProfileOrigin Origin;
}

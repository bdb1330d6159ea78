namespace Loyalife.ServiceDefaults.Auth;

/// <summary>What a caller may do within its programs; <see cref="None"/> is a sign-in without a Loyalife role, which may do nothing.</summary>
public enum AccessRole
{
    None,
    Viewer,
    Editor,
}

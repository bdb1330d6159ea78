namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Get User (<c>POST /v1/customers/export</c>) for one workspace: on or off, and its quota.</summary>
public sealed record GetUserSettings
{
    public bool Enabled { get; init; }

    /// <summary>Users (identifiers asked for) per minute; MoEngage's documented 1,000 by default, null unlimited.</summary>
    public int? UsersPerMinute { get; init; } = 1000;
}

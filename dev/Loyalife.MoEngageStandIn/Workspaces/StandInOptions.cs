namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Start-up configuration, section <c>StandIn</c>.</summary>
public sealed class StandInOptions
{
    public const string SectionName = "StandIn";

    /// <summary>Workspaces that exist from start-up (and again after <c>POST /control/reset</c>).</summary>
    public List<WorkspaceDefinition> Workspaces { get; set; } = [];

    /// <summary>How many recent requests each workspace keeps for inspection.</summary>
    public int RequestLogSize { get; set; } = 500;

    /// <summary>
    /// How many of each customer's latest events a workspace keeps for inspection (older ones are counted
    /// only), unless its definition says otherwise: memory then follows customers, not history.
    /// </summary>
    public int EventsKeptPerCustomer { get; set; } = 100;
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>MoEngage's data centres (docs/moengage.md); each is served under <c>/dc/{dc}</c>.</summary>
public static class DataCenters
{
    public static readonly FrozenSet<string> All =
        new[] { "01", "02", "03", "04", "05", "06", "101" }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? dc) => dc is not null && All.Contains(dc);
}

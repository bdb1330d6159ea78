using System.Text.Json;

namespace Loyalife.Testing;

public static class StandInStats
{
    /// <summary>One counter of a workspace's stats, as the MoEngage stand-in's control API reports them.</summary>
    public static long Stat(this JsonElement stats, string name) => stats.GetProperty(name).GetInt64();
}

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>What the snapshot said a business date holds, and whether the run finished it.</summary>
public sealed class DayReport
{
    public long MembersInSnapshot { get; set; }

    public Dictionary<string, long> MembersSkipped { get; set; } = [];

    public Dictionary<string, long> EventsInSnapshot { get; set; } = [];

    public bool Completed { get; set; }
}

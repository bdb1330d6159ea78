namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>What the snapshot said a business date holds, and whether the run finished it.</summary>
public sealed class DayReport
{
    public long MembersInSnapshot { get; set; }

    public Dictionary<string, long> MembersSkipped { get; set; } = [];

    public Dictionary<string, long> EventsInSnapshot { get; set; } = [];

    public bool Completed { get; set; }

    /// <summary>Events of the date the intraday lane had already delivered, so the night did not send them again.</summary>
    public long EventsSentByIntradayLane { get; set; }

    /// <summary>Events of the date in intraday passes an admin skipped after they were held: never sent, so not by the night either.</summary>
    public long EventsSkippedByAdmin { get; set; }

    /// <summary>Members left out of the night's refresh: a pass of a later date had already sent them newer attributes.</summary>
    public long MembersLeftToIntradayLane { get; set; }
}

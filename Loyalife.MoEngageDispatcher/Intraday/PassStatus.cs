namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// The states of a pass. <see cref="Held"/> stops the lane for its day until an admin releases or skips it (the
/// night sends what it did not, unless skipped);
/// <see cref="Abandoned"/>: its day was closed or the lane switched off before it finished (the night sends the rest).
/// The states it shares with a run are a run's, so the alerts read a pass's outcome alike.
/// </summary>
public static class PassStatus
{
    public const string Running = RunStatus.Running;
    public const string Succeeded = RunStatus.Succeeded;
    public const string Failed = RunStatus.Failed;
    public const string Held = RunStatus.Held;

    /// <summary>Released by an admin after it was held: the lane sends it next, without its hold check.</summary>
    public const string Pending = RunStatus.Pending;

    /// <summary>Skipped by an admin after it was held: its events are never sent; the lane reads on after its window.</summary>
    public const string Skipped = RunStatus.Skipped;
    public const string Abandoned = "abandoned";
}

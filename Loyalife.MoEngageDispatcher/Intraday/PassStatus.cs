namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// The states of a pass. <see cref="Held"/> stops the lane for its day (the night sends what it did not);
/// <see cref="Abandoned"/>: its day was closed or the lane switched off before it finished (the night sends the rest).
/// </summary>
public static class PassStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Held = "held";
    public const string Abandoned = "abandoned";
}

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>The four states of a run; a failed one carries its reason.</summary>
public static class RunStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}

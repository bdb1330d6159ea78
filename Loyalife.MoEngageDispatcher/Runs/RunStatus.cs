namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>The states of a run; a failed one carries its reason, a held one waits for an admin to release or skip it.</summary>
public static class RunStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Held = "held";
    public const string Skipped = "skipped";
}

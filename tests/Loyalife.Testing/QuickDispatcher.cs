namespace Loyalife.Testing;

/// <summary>
/// The timings every in-process dispatcher of the tests runs with, so that what takes seconds or minutes in
/// production shows within a test: a 3 s lock lease (a takeover), the enabled flag read before every body
/// (a switch-off mid-run), retries 20 to 200 ms apart.
/// </summary>
public static class QuickDispatcher
{
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Sync:LockLease"] = "00:00:03",
        ["Sync:EnabledCheckInterval"] = "00:00:00",
        ["MoEngage:BaseDelay"] = "00:00:00.020",
        ["MoEngage:MaxDelay"] = "00:00:00.200",
    };
}

namespace Loyalife.Testing;

/// <summary>
/// Runs a clean-up command once this test process is gone, however it ends. ProcessExit handlers do not run
/// when a test host is killed (a timeout, a crashed run), and a throwaway server must not outlive it.
/// </summary>
public static class ParentWatch
{
    public static void CleanUpAfterExit(string cleanupCommand)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {cleanupCommand}");
        Process.Start(start);
    }
}

namespace Loyalife.AppHost.Tests.Support;

/// <summary>Processes on this machine by /proc, so a test can tell whether what the AppHost started is gone.</summary>
internal static class ProcessTree
{
    /// <summary>The given processes and all their descendants, each with its start time (PIDs get reused).</summary>
    public static IReadOnlyDictionary<int, (long StartTime, string CommandLine)> WithDescendants(IEnumerable<int> roots)
    {
        var all = Snapshot();
        var found = new Dictionary<int, (long, string)>();
        var pending = new Queue<int>(roots);
        while (pending.TryDequeue(out var pid))
        {
            if (!all.TryGetValue(pid, out var process) || !found.TryAdd(pid, (process.StartTime, process.CommandLine)))
            {
                continue;
            }

            foreach (var child in all.Where(p => p.Value.ParentId == pid))
            {
                pending.Enqueue(child.Key);
            }
        }

        return found;
    }

    /// <summary>Those of <paramref name="processes"/> still running (zombies count as gone).</summary>
    public static IReadOnlyList<string> StillRunning(IReadOnlyDictionary<int, (long StartTime, string CommandLine)> processes)
    {
        var all = Snapshot();
        return processes
            .Where(p => all.TryGetValue(p.Key, out var now) && now.StartTime == p.Value.StartTime && now.State != 'Z')
            .Select(p => $"{p.Key} {p.Value.CommandLine}")
            .ToList();
    }

    private static Dictionary<int, (int ParentId, long StartTime, char State, string CommandLine)> Snapshot()
    {
        var processes = new Dictionary<int, (int, long, char, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after its ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                processes[pid] = (int.Parse(fields[1]), long.Parse(fields[19]), fields[0][0], commandLine);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return processes;
    }
}

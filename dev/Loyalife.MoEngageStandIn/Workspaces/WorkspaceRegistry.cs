using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Every workspace of every data centre, by App ID: an App ID names one workspace in one data centre,
/// which is what makes a right key sent to the wrong data centre fail.
/// </summary>
internal sealed class WorkspaceRegistry
{
    private const int LargeWorkspaceProfiles = 100_000;

    private readonly ConcurrentDictionary<string, Workspace> workspaces = new(StringComparer.Ordinal);
    private readonly StandInOptions options;
    private readonly StandInMetrics metrics;
    private readonly TimeProvider time;

    public WorkspaceRegistry(IOptions<StandInOptions> options, StandInMetrics metrics, TimeProvider time)
    {
        this.options = options.Value;
        this.metrics = metrics;
        this.time = time;
        Reset();
    }

    public IEnumerable<Workspace> All => workspaces.Values.OrderBy(w => w.AppId, StringComparer.Ordinal);

    public Workspace? Find(string appId) => workspaces.GetValueOrDefault(appId);

    /// <summary>Creates or replaces: a replaced workspace starts empty.</summary>
    public Workspace Put(string appId, WorkspaceDefinition definition)
    {
        // A large workspace goes before its replacement is built, or the two would be held at once.
        if (Large(appId))
        {
            Remove(appId);
        }

        return workspaces[appId] = new Workspace(appId, definition, options, metrics, time);
    }

    public bool Remove(string appId)
    {
        var large = Large(appId);
        if (!Forget(appId))
        {
            return false;
        }

        if (large)
        {
            GiveBack();
        }

        return true;
    }

    // None of these is inlined: a workspace must not stay reachable from the caller's frame while it is collected.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Large(string appId) => workspaces.GetValueOrDefault(appId)?.ProfileCount >= LargeWorkspaceProfiles;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool Forget(string appId) => workspaces.TryRemove(appId, out _);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool AnyLarge() => workspaces.Values.Any(w => w.ProfileCount >= LargeWorkspaceProfiles);

    /// <summary>Back to the start-up state: only the configured workspaces, all empty.</summary>
    public void Reset()
    {
        var large = AnyLarge();
        workspaces.Clear();
        if (large)
        {
            GiveBack();
        }

        foreach (var definition in options.Workspaces)
        {
            Put(definition.AppId!, definition);
        }
    }

    // A dropped workspace of a million profiles is a few hundred MB that the collector may keep for long after
    // (a benchmark replacing one each night grew by half a night's memory), so a large one is given back at once.
    private static void GiveBack() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}

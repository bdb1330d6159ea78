using System.Collections.Concurrent;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Every workspace of every data centre, by App ID: an App ID names one workspace in one data centre,
/// which is what makes a right key sent to the wrong data centre fail.
/// </summary>
internal sealed class WorkspaceRegistry
{
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
    public Workspace Put(string appId, WorkspaceDefinition definition) =>
        workspaces[appId] = new Workspace(appId, definition, options, metrics, time);

    public bool Remove(string appId) => workspaces.TryRemove(appId, out _);

    /// <summary>Back to the start-up state: only the configured workspaces, all empty.</summary>
    public void Reset()
    {
        workspaces.Clear();
        foreach (var definition in options.Workspaces)
        {
            Put(definition.AppId!, definition);
        }
    }
}

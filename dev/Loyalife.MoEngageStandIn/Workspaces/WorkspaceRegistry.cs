using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Every workspace of every data centre, by App ID: an App ID names one workspace in one data centre,
/// which is what makes a right key sent to the wrong data centre fail.
/// </summary>
internal sealed class WorkspaceRegistry
{
    private readonly ConcurrentDictionary<string, Workspace> _workspaces = new(StringComparer.Ordinal);
    private readonly StandInOptions _options;
    private readonly StandInMetrics _metrics;
    private readonly TimeProvider _time;

    public WorkspaceRegistry(IOptions<StandInOptions> options, StandInMetrics metrics, TimeProvider time)
    {
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        Reset();
    }

    public IEnumerable<Workspace> All => _workspaces.Values.OrderBy(w => w.AppId, StringComparer.Ordinal);

    public Workspace? Find(string appId) => _workspaces.GetValueOrDefault(appId);

    /// <summary>Creates or replaces: a replaced workspace starts empty.</summary>
    public Workspace Put(string appId, WorkspaceDefinition definition) =>
        _workspaces[appId] = new Workspace(appId, definition, _options, _metrics, _time);

    public bool Remove(string appId) => _workspaces.TryRemove(appId, out _);

    /// <summary>Back to the start-up state: only the configured workspaces, all empty.</summary>
    public void Reset()
    {
        _workspaces.Clear();
        foreach (var definition in _options.Workspaces)
        {
            Put(definition.AppId!, definition);
        }
    }
}

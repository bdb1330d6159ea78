using Loyalife.AppHost.MoEngage;

namespace Loyalife.AppHost.Tests;

/// <summary>
/// The cron run reads as one trace, received over OTLP from every process: from the sidecar's cron tick to the
/// dispatcher, through the sidecars to settings-service (and its secret-store read) and snapshot-service (and
/// its PostgreSQL queries), and out to MoEngage.
/// </summary>
[Trait("Suite", "System")]
[Collection(NightlySyncRun.Collection)]
public sealed class NightlySyncTraceTests(NightlySyncRun run)
{
    private const string Tick = "moengage-dispatcher-dapr";
    private const string Dispatcher = "moengage-dispatcher";

    /// <summary>Exporters send every half second or so; a trace is complete well within this.</summary>
    private static readonly TimeSpan ExportBudget = TimeSpan.FromSeconds(30);

    /// <summary>Spans that must be in the run's trace, each with the services it must descend from, nearest first.</summary>
    private static readonly (string What, Func<ReceivedSpan, bool> Is, string[] Path)[] Expected =
    [
        ("the dispatcher's answer to the tick", s => s.Service == Dispatcher && s.Kind == ReceivedSpan.ServerKind && IsCronTick(s.Name),
            [Dispatcher, Tick]),
        ("settings-service serving the credentials", s => s.Service == "settings-service" && s.Kind == ReceivedSpan.ServerKind && s.Name.Contains("credentials"),
            ["settings-service", "settings-service-dapr", "moengage-dispatcher-dapr", Dispatcher, Tick]),
        ("the secret-store read in settings-service's sidecar", s => s.Service == "settings-service-dapr" && s.Kind == ReceivedSpan.ServerKind && IsSecretRead(s),
            ["settings-service-dapr", "settings-service", "settings-service-dapr", "moengage-dispatcher-dapr", Dispatcher, Tick]),
        ("snapshot-service serving a page", s => s.Service == "snapshot-service" && s.Kind == ReceivedSpan.ServerKind && s.Name.Contains("snapshots"),
            ["snapshot-service", "snapshot-service-dapr", "moengage-dispatcher-dapr", Dispatcher, Tick]),
        ("a PostgreSQL query of snapshot-service", s => s.Service == "snapshot-service" && s.Scope == "Npgsql",
            ["snapshot-service", "snapshot-service-dapr", "moengage-dispatcher-dapr", Dispatcher, Tick]),
        ("a Bulk Import request to MoEngage", s => s.Service == Dispatcher && s.Kind == ReceivedSpan.ClientKind
                && s.Attributes.GetValueOrDefault("url.full", "").Contains($"/v1/transition/{DemoWorkspace.AppId}"),
            [Dispatcher, Tick]),
    ];

    [Fact]
    public async Task TheRunIsOneTraceFromTheCronTickThroughEveryServiceAndSidecarToMoEngage()
    {
        var deadline = DateTime.UtcNow + ExportBudget;
        string missing;
        while (true)
        {
            missing = Missing(out var trace);
            if (missing.Length == 0)
            {
                // The tick is the root: the sidecar's cron binding span, with no parent.
                var root = Assert.Single(trace, s => s.ParentSpanId.Length == 0);
                Assert.Equal(Tick, root.Service);
                Assert.Equal(ReceivedSpan.ProducerKind, root.Kind);
                // Either cron binding: intraday-tick's minute tick does what a nightly one does (nights due first), so it
                // may be the one that started the run. The run is found by its id, never as "the newest trace".
                Assert.True(root.Name.StartsWith("bindings/nightly-sync", StringComparison.Ordinal)
                    || root.Name.StartsWith("bindings/intraday-tick", StringComparison.Ordinal), $"the trace's root is {root.Name}");
                Assert.Superset(
                    new HashSet<string> { "moengage-dispatcher", "settings-service", "snapshot-service", Tick, "settings-service-dapr", "snapshot-service-dapr" },
                    trace.Select(s => s.Service).ToHashSet());
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        var services = run.Telemetry.Spans.GroupBy(s => s.Service).Select(g => $"{g.Key}: {g.Count()}");
        Assert.Fail($"Within {ExportBudget.TotalSeconds} s of run {run.RunId} succeeding, its trace still lacked: {missing}. " +
            $"Spans received by service: {string.Join(", ", services)}");
    }

    /// <summary>What the run's trace still lacks, or nothing.</summary>
    private string Missing(out List<ReceivedSpan> trace)
    {
        var spans = run.Telemetry.Spans.ToList();
        var runRoot = spans.FirstOrDefault(s => s.Name == "sync run" && s.Attributes.GetValueOrDefault("loyalife.run_id") == run.RunId);
        trace = [];
        if (runRoot is null)
        {
            return $"the dispatcher's 'sync run' span with loyalife.run_id {run.RunId}";
        }

        trace = spans.Where(s => s.TraceId == runRoot.TraceId).ToList();
        var bySpanId = trace.ToDictionary(s => s.SpanId);
        var lacking = new List<string>();
        foreach (var (what, isIt, path) in Expected)
        {
            var candidates = trace.Where(isIt).ToList();
            if (candidates.Count == 0)
            {
                lacking.Add($"{what} (no such span in trace {runRoot.TraceId})");
            }
            else if (!candidates.Any(s => Path(s, bySpanId) is { } found && found.SequenceEqual(path)))
            {
                lacking.Add($"{what} descending from {string.Join(" ← ", path)} (found {string.Join(" | ", candidates.Select(s => Describe(s, bySpanId)).Distinct())})");
            }
        }

        return string.Join("; ", lacking);
    }

    /// <summary>The services from <paramref name="span"/> up to its root, consecutive repeats folded; null while a parent has not arrived.</summary>
    private static List<string>? Path(ReceivedSpan span, Dictionary<string, ReceivedSpan> bySpanId)
    {
        var path = new List<string>();
        for (var current = span; ; )
        {
            if (path.Count == 0 || path[^1] != current.Service)
            {
                path.Add(current.Service);
            }

            if (current.ParentSpanId.Length == 0)
            {
                return path;
            }

            if (!bySpanId.TryGetValue(current.ParentSpanId, out var parent))
            {
                return null;
            }

            current = parent;
        }
    }

    /// <summary>A span's ancestry by service and name, up to its root or to the first parent not received.</summary>
    private static string Describe(ReceivedSpan span, Dictionary<string, ReceivedSpan> bySpanId)
    {
        var steps = new List<string>();
        for (ReceivedSpan? current = span; current is not null; current = bySpanId.GetValueOrDefault(current.ParentSpanId))
        {
            steps.Add(current.ToString());
            if (current.ParentSpanId.Length > 0 && !bySpanId.ContainsKey(current.ParentSpanId))
            {
                steps.Add($"parent {current.ParentSpanId} not received");
            }
        }

        return string.Join(" ← ", steps);
    }

    private static bool IsCronTick(string name) => name.Contains("/nightly-sync") || name.Contains("/intraday-tick");

    /// <summary>Dapr's secret API, by gRPC (the .NET SDK's way) or HTTP.</summary>
    private static bool IsSecretRead(ReceivedSpan span) =>
        new[] { span.Name, span.Attributes.GetValueOrDefault("url.path", ""), span.Attributes.GetValueOrDefault("http.route", "") }
            .Any(text => text.Contains("GetSecret") || text.Contains("/secrets/secretstore"));
}

using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalife.MoEngageStandIn.MoEngage;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// One MoEngage workspace in one data centre. A single lock guards its quota window, fault draws,
/// contents, counters and log, so each request is applied and counted atomically; elements are validated
/// before it is taken, and workspaces never contend with each other.
/// </summary>
internal sealed class Workspace
{
    private const int MaxRejectionsLogged = 100;

    private readonly Lock _gate = new();
    private readonly QuotaWindow _quota;
    private readonly FaultDice _faults;
    private readonly bool _hasFaults;
    private readonly WorkspaceContents _contents;
    private readonly WorkspaceCounters _counters = new();
    private readonly RequestLog _log;
    private readonly StandInMetrics _metrics;

    public Workspace(string appId, WorkspaceDefinition definition, int requestLogSize, StandInMetrics metrics)
    {
        _metrics = metrics;
        AppId = appId;
        Definition = definition with { AppId = appId };
        DataCenter = definition.DataCenter!;
        ApiKey = definition.ApiKey!;
        AppName = definition.AppName ?? appId;
        Limits = definition.Limits ?? new WorkspaceLimits();
        Faults = definition.Faults ?? new WorkspaceFaults();
        CustomerIdPattern = definition.CustomerIdPattern;
        _quota = new QuotaWindow(Limits);
        _faults = new FaultDice(Faults);
        _hasFaults = Faults.ServerErrorRate > 0 || Faults.TooManyRequestsRate > 0 || Faults.SlowRate > 0
            || Faults.DropAfterAcceptRate > 0;
        _contents = new WorkspaceContents(CustomerIdPattern is { } pattern
            // No match timeout: the pattern is the developer's own, and a timeout reads the clock on every match.
            ? new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled)
            : null);
        _contents.AddCustomers(definition.CustomerIds ?? []);
        _log = new RequestLog(requestLogSize);
    }

    public string AppId { get; }

    /// <summary>As created, so the workspace can be emptied by creating it again.</summary>
    public WorkspaceDefinition Definition { get; }

    public string DataCenter { get; }

    public string ApiKey { get; }

    public string AppName { get; }

    public WorkspaceLimits Limits { get; }

    public WorkspaceFaults Faults { get; }

    public string? CustomerIdPattern { get; }

    public FaultDraw DrawFault()
    {
        if (!_hasFaults)
        {
            return default;
        }

        lock (_gate)
        {
            return _faults.Next();
        }
    }

    public QuotaHeaders? QuotaHeaders(DataEndpoint endpoint, DateTimeOffset now)
    {
        var demand = QuotaDemands.Empty(endpoint);
        if (!_quota.IsLimited(demand.UsersKind) && !_quota.IsLimited(demand.EventsKind))
        {
            return null;
        }

        lock (_gate)
        {
            return _quota.Headers(now, demand.UsersKind, demand.EventsKind);
        }
    }

    /// <summary>Logs and counts a request that ended before it reached the contents.</summary>
    public void Record(RequestFacts facts, int status, string? reason, QuotaDemand demand = default)
    {
        lock (_gate)
        {
            RecordLocked(facts, status, reason, demand, default, []);
        }
    }

    /// <summary>Takes the quota, then applies every valid element; Bulk answers 200 whatever its elements.</summary>
    public IngestOutcome Ingest(DataEndpoint endpoint, JsonElement payload, RequestFacts facts)
    {
        var demand = QuotaDemands.Of(endpoint, payload);
        var now = facts.Time.UtcDateTime;
        var bulk = endpoint == DataEndpoint.BulkImport;
        var elements = bulk ? payload.GetProperty("elements"u8) : default;
        var count = bulk ? elements.GetArrayLength() : 1;
        var checks = ArrayPool<ElementCheck>.Shared.Rent(count);
        try
        {
            // Validation reads only the request, so it runs before the lock; the lock covers quota and contents.
            var tally = new IngestTally();
            var rejections = new List<ElementRejection>();
            if (bulk)
            {
                var index = 0;
                foreach (var element in elements.EnumerateArray())
                {
                    checks[index] = Check(element, index, now, ref tally, rejections);
                    index++;
                }
            }
            else if (Check(payload, 0, now, ref tally, rejections) is var single
                && (single.Reason ?? WrongKind(endpoint, single.Kind)) is { } reason)
            {
                Record(facts, StatusCodes.Status400BadRequest, reason, demand);
                return new IngestOutcome(StatusCodes.Status400BadRequest, reason);
            }
            else
            {
                checks[0] = single;
            }

            lock (_gate)
            {
                if (!_quota.TryConsume(facts.Time, demand))
                {
                    const string limited = "per-minute quota exceeded";
                    RecordLocked(facts, StatusCodes.Status429TooManyRequests, limited, demand, default, []);
                    return new IngestOutcome(StatusCodes.Status429TooManyRequests, limited);
                }

                if (bulk)
                {
                    var index = 0;
                    foreach (var element in elements.EnumerateArray())
                    {
                        Apply(element, checks[index++], now, ref tally);
                    }
                }
                else
                {
                    Apply(payload, checks[0], now, ref tally);
                }

                RecordLocked(facts, StatusCodes.Status200OK, facts.Note, demand, tally, rejections);
                return new IngestOutcome(StatusCodes.Status200OK, null);
            }
        }
        finally
        {
            ArrayPool<ElementCheck>.Shared.Return(checks, clearArray: true);
        }
    }

    public void AddCustomers(IEnumerable<string> customerIds)
    {
        lock (_gate)
        {
            _contents.AddCustomers(customerIds);
        }
    }

    public bool TryGetCustomer(string customerId, out IReadOnlyDictionary<string, string> attributes)
    {
        lock (_gate)
        {
            return _contents.TryGetCustomer(customerId, out attributes);
        }
    }

    public List<StoredEvent> Events(string? customerId, string? name)
    {
        lock (_gate)
        {
            return _contents.Events(customerId, name);
        }
    }

    public WorkspaceStats Stats()
    {
        lock (_gate)
        {
            return _counters.Snapshot();
        }
    }

    public List<RequestLogEntry> Requests(int limit)
    {
        lock (_gate)
        {
            return _log.Latest(limit);
        }
    }

    private static ElementCheck Check(JsonElement element, int index, DateTime now, ref IngestTally tally,
        List<ElementRejection> rejections)
    {
        var reason = ElementValidator.Validate(element, now, out var kind, out var customerId);
        if (reason is not null)
        {
            tally.ElementsRejected++;
            if (rejections.Count < MaxRejectionsLogged)
            {
                rejections.Add(new ElementRejection(index, customerId, reason));
            }
        }

        return new ElementCheck(kind, customerId, reason);
    }

    private void Apply(JsonElement element, ElementCheck check, DateTime now, ref IngestTally tally)
    {
        if (check.Reason is not null)
        {
            return;
        }

        if (check.Kind == ElementKind.Customer)
        {
            _contents.ApplyCustomer(element, check.CustomerId!, ref tally);
        }
        else
        {
            _contents.ApplyEvent(element, check.CustomerId!, now, ref tally);
        }
    }

    private static string? WrongKind(DataEndpoint endpoint, ElementKind kind) => (endpoint, kind) switch
    {
        (DataEndpoint.TrackUser, not ElementKind.Customer) => "type must be 'customer'",
        (DataEndpoint.CreateEvent, not ElementKind.Event) => "type must be 'event'",
        _ => null,
    };

    private void RecordLocked(RequestFacts facts, int status, string? reason, QuotaDemand demand, in IngestTally tally,
        List<ElementRejection> rejections)
    {
        var entry = new RequestLogEntry(facts.Time, facts.RequestId, facts.Method, facts.Path, status, reason,
            facts.Bytes, demand.Users, demand.Events, tally.ElementsRejected, rejections);
        _counters.Count(entry, tally);
        _metrics.Count(AppId, status, tally);
        _log.Add(entry);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Loyalife.MoEngageStandIn.MoEngage;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// One MoEngage workspace in one data centre. A single lock guards its quota window, fault draws,
/// contents, counters and log, so each request is applied and counted atomically; workspaces never
/// contend with each other.
/// </summary>
internal sealed class Workspace
{
    private const int MaxRejectionsLogged = 100;

    private readonly Lock _gate = new();
    private readonly QuotaWindow _quota;
    private readonly FaultDice _faults;
    private readonly WorkspaceContents _contents;
    private readonly WorkspaceCounters _counters = new();
    private readonly RequestLog _log;

    public Workspace(string appId, WorkspaceDefinition definition, int requestLogSize)
    {
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
        _contents = new WorkspaceContents(CustomerIdPattern is { } pattern
            ? new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
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
        lock (_gate)
        {
            return _faults.Next();
        }
    }

    public QuotaHeaders? QuotaHeaders(DataEndpoint endpoint, DateTimeOffset now)
    {
        var demand = QuotaDemands.Empty(endpoint);
        lock (_gate)
        {
            return _quota.Headers(now, demand.UsersKind, demand.EventsKind);
        }
    }

    /// <summary>Logs and counts a request that ended before it reached the contents.</summary>
    public void Record(RequestFacts facts, int status, string? reason)
    {
        lock (_gate)
        {
            RecordLocked(facts, status, reason, default, default, []);
        }
    }

    /// <summary>Takes the quota, then applies every valid element; Bulk answers 200 whatever its elements.</summary>
    public IngestOutcome Ingest(DataEndpoint endpoint, JsonElement payload, RequestFacts facts)
    {
        var demand = QuotaDemands.Of(endpoint, payload);
        var now = facts.Time.UtcDateTime;
        var tally = new IngestTally();
        var rejections = new List<ElementRejection>();
        lock (_gate)
        {
            if (endpoint != DataEndpoint.BulkImport
                && ElementValidator.Validate(payload, now, out var kind, out _) is var problem
                && (problem ?? WrongKind(endpoint, kind)) is { } reason)
            {
                RecordLocked(facts, StatusCodes.Status400BadRequest, reason, demand, tally, []);
                return new IngestOutcome(StatusCodes.Status400BadRequest, reason);
            }

            if (!_quota.TryConsume(facts.Time, demand))
            {
                const string limited = "per-minute quota exceeded";
                RecordLocked(facts, StatusCodes.Status429TooManyRequests, limited, demand, tally, []);
                return new IngestOutcome(StatusCodes.Status429TooManyRequests, limited);
            }

            if (endpoint == DataEndpoint.BulkImport)
            {
                var index = 0;
                foreach (var element in payload.GetProperty("elements"u8).EnumerateArray())
                {
                    Apply(element, index++, now, ref tally, rejections);
                }
            }
            else
            {
                Apply(payload, 0, now, ref tally, rejections);
            }

            RecordLocked(facts, StatusCodes.Status200OK, facts.Note, demand, tally, rejections);
            return new IngestOutcome(StatusCodes.Status200OK, null);
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

    private void Apply(JsonElement element, int index, DateTime now, ref IngestTally tally, List<ElementRejection> rejections)
    {
        if (ElementValidator.Validate(element, now, out var kind, out var customerId) is { } reason)
        {
            tally.ElementsRejected++;
            if (rejections.Count < MaxRejectionsLogged)
            {
                rejections.Add(new ElementRejection(index, customerId, reason));
            }

            return;
        }

        if (kind == ElementKind.Customer)
        {
            _contents.ApplyCustomer(element, customerId!, ref tally);
        }
        else
        {
            _contents.ApplyEvent(element, customerId!, now, ref tally);
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
        _log.Add(entry);
    }
}

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// One MoEngage workspace in one data centre. A single lock guards its quota window, fault draws,
/// contents, counters, log and processing queue, so each request is taken and counted atomically; elements
/// are validated before it is taken, and workspaces never contend with each other. Accepted data waits out
/// the processing delay in the queue and is applied, in order, by the next call that takes the lock after it
/// is due (no timer: what a caller sees depends only on the clock it reads). Longer than most files because
/// it is the one place the lock is taken: every operation that needs it is here, the work itself elsewhere.
/// </summary>
internal sealed class Workspace
{
    private const int MaxRejectionsLogged = 100;

    private readonly Lock gate = new();
    private readonly QuotaWindow quota;
    private readonly FaultDice faults;
    private readonly bool hasFaults;
    private readonly WorkspaceContents contents;
    private readonly WorkspaceCounters counters = new();
    private readonly RequestLog log;
    private readonly StandInMetrics metrics;
    private readonly TimeProvider time;
    private readonly Queue<PendingRequest> pending = new();

    public Workspace(string appId, WorkspaceDefinition definition, StandInOptions options, StandInMetrics metrics, TimeProvider time)
    {
        this.metrics = metrics;
        this.time = time;
        AppId = appId;
        Definition = definition with { AppId = appId };
        DataCenter = definition.DataCenter!;
        ApiKey = definition.ApiKey!;
        AppName = definition.AppName ?? appId;
        Limits = definition.Limits ?? new WorkspaceLimits();
        Faults = definition.Faults ?? new WorkspaceFaults();
        GetUser = definition.GetUser ?? new GetUserSettings();
        ProcessingDelay = TimeSpan.FromMilliseconds(definition.ProcessingDelayMilliseconds);
        EventsKeptPerCustomer = definition.EventsKeptPerCustomer ?? options.EventsKeptPerCustomer;
        CustomerIdPattern = definition.CustomerIdPattern;
        BulkElementFaults = Workspaces.BulkElementFaults.Parse(definition.BulkElementFaults)!;
        quota = new QuotaWindow(Limits, GetUser.UsersPerMinute);
        faults = new FaultDice(Faults);
        hasFaults = Faults.ServerErrorRate > 0 || Faults.TooManyRequestsRate > 0 || Faults.SlowRate > 0
            || Faults.DropAfterAcceptRate > 0;
        contents = new WorkspaceContents(CustomerIdPattern is { } pattern
            // No match timeout: the pattern is the developer's own, and a timeout reads the clock on every match.
            ? new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled)
            : null, EventsKeptPerCustomer);
        contents.AddCustomers(definition.CustomerIds ?? [], ProfileOrigin.Defined);
        foreach (var seed in definition.Customers ?? [])
        {
            contents.Seed(seed.CustomerId!, JsonSerializer.SerializeToElement(seed.Attributes ?? []));
        }

        log = new RequestLog(options.RequestLogSize);
    }

    public string AppId { get; }

    /// <summary>As created, so the workspace can be emptied by creating it again.</summary>
    public WorkspaceDefinition Definition { get; }

    public string DataCenter { get; }

    public string ApiKey { get; }

    public string AppName { get; }

    public WorkspaceLimits Limits { get; }

    public WorkspaceFaults Faults { get; }

    public GetUserSettings GetUser { get; }

    public TimeSpan ProcessingDelay { get; }

    public bool RequireContentLength => Definition.RequireContentLength;

    public int EventsKeptPerCustomer { get; }

    public string? CustomerIdPattern { get; }

    /// <summary><c>drop</c> or <c>reject</c>: what a Bulk body holding an invalid element gets (<see cref="Workspaces.BulkElementFaults"/>).</summary>
    public string BulkElementFaults { get; }

    public FaultDraw DrawFault()
    {
        if (!hasFaults)
        {
            return default;
        }

        lock (gate)
        {
            return faults.Next();
        }
    }

    public QuotaHeaders? QuotaHeaders(DataEndpoint endpoint, DateTimeOffset now)
    {
        var demand = QuotaDemands.Empty(endpoint);
        if (!quota.IsLimited(demand.UsersKind) && !quota.IsLimited(demand.EventsKind))
        {
            return null;
        }

        lock (gate)
        {
            return quota.Headers(now, demand.UsersKind, demand.EventsKind);
        }
    }

    /// <summary>Logs and counts a request that ended before it reached the contents.</summary>
    public void Record(RequestFacts facts, int status, string? reason, QuotaDemand demand = default)
    {
        lock (gate)
        {
            RecordLocked(facts, status, reason, demand, default, [], []);
        }
    }

    /// <summary>Takes the quota, then applies (or queues) every valid element; Bulk answers 200 whatever its elements.</summary>
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
            var ignored = new List<IgnoredAttribute>();
            if (bulk)
            {
                var index = 0;
                foreach (var element in elements.EnumerateArray())
                {
                    checks[index] = Check(element, index, now, ref tally, rejections, ignored);
                    index++;
                }

                if (tally.ElementsRejected > 0 && BulkElementFaults == Workspaces.BulkElementFaults.Reject)
                {
                    return RejectBody(facts, demand, tally.ElementsRejected, rejections);
                }
            }
            else if (Check(payload, 0, now, ref tally, rejections, ignored) is var single
                && (single.Fault ?? WrongKind(endpoint, single.Kind)) is { } fault)
            {
                Record(facts, StatusCodes.Status400BadRequest, fault.Message, demand);
                return new IngestOutcome(StatusCodes.Status400BadRequest, fault);
            }
            else
            {
                checks[0] = single;
            }

            lock (gate)
            {
                ApplyDueLocked();
                if (!quota.TryConsume(facts.Time, demand))
                {
                    const string limited = "per-minute quota exceeded";
                    RecordLocked(facts, StatusCodes.Status429TooManyRequests, limited, demand, default, [], []);
                    return new IngestOutcome(StatusCodes.Status429TooManyRequests, null);
                }

                if (ProcessingDelay > TimeSpan.Zero)
                {
                    pending.Enqueue(new PendingRequest(facts.Time + ProcessingDelay, endpoint,
                        JsonMarshal.GetRawUtf8Value(payload).ToArray(), checks.AsSpan(0, count).ToArray(), now));
                    counters.Pending(1);
                    RecordLocked(facts, StatusCodes.Status200OK, facts.Note, demand, tally, rejections, ignored);
                    return new IngestOutcome(StatusCodes.Status200OK, null);
                }

                ApplyLocked(endpoint, payload, checks, now, ref tally);
                RecordLocked(facts, StatusCodes.Status200OK, facts.Note, demand, tally, rejections, ignored);
                return new IngestOutcome(StatusCodes.Status200OK, null);
            }
        }
        finally
        {
            ArrayPool<ElementCheck>.Shared.Return(checks, clearArray: true);
        }
    }

    /// <summary>Get User: takes one user of the quota per identifier; null when the quota has no room.</summary>
    public ExportUsersData? Export(IReadOnlyList<string> customerIds, IReadOnlyList<string>? fields, RequestFacts facts)
    {
        var demand = QuotaDemands.GetUser(customerIds.Count);
        lock (gate)
        {
            ApplyDueLocked();
            if (!quota.TryConsume(facts.Time, demand))
            {
                RecordLocked(facts, StatusCodes.Status429TooManyRequests, "per-minute quota exceeded", demand, default, [], []);
                return null;
            }

            var users = new List<ExportedUser>();
            var notFound = new List<UserIdentifier>();
            foreach (var id in customerIds)
            {
                if (contents.Find(id) is not { } profile)
                {
                    notFound.Add(new UserIdentifier("customer_id", id));
                    continue;
                }

                var exported = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["uid"] = JsonSerializer.SerializeToElement(id) };
                foreach (var (name, value) in profile.Attributes)
                {
                    if (fields is null || fields.Contains(name))
                    {
                        exported[name] = value;
                    }
                }

                users.Add(new ExportedUser(exported));
            }

            counters.LookedUp(customerIds.Count, users.Count);
            RecordLocked(facts, StatusCodes.Status200OK, facts.Note, demand, default, [], []);
            return new ExportUsersData(users, notFound);
        }
    }

    public void AddCustomers(IEnumerable<string> customerIds)
    {
        lock (gate)
        {
            ApplyDueLocked();
            contents.AddCustomers(customerIds, ProfileOrigin.Added);
        }
    }

    public StoredProfile? Customer(string customerId)
    {
        lock (gate)
        {
            ApplyDueLocked();
            return contents.Find(customerId);
        }
    }

    public (int Total, List<(string CustomerId, ProfileOrigin Origin)> Page) Customers(ProfileOrigin? origin, int limit)
    {
        lock (gate)
        {
            ApplyDueLocked();
            return contents.Profiles(origin, limit);
        }
    }

    public List<StoredEvent> Events(string? customerId, string? name)
    {
        lock (gate)
        {
            ApplyDueLocked();
            return contents.Events(customerId, name);
        }
    }

    public int ProfileCount
    {
        get
        {
            lock (gate)
            {
                return contents.ProfileCount;
            }
        }
    }

    public WorkspaceStats Stats()
    {
        lock (gate)
        {
            ApplyDueLocked();
            return counters.Snapshot();
        }
    }

    public List<RequestLogEntry> Requests(int limit)
    {
        lock (gate)
        {
            return log.Latest(limit);
        }
    }

    private static ElementCheck Check(JsonElement element, int index, DateTime now, ref IngestTally tally,
        List<ElementRejection> rejections, List<IgnoredAttribute> ignored)
    {
        var fault = ElementValidator.Validate(element, now, out var kind, out var customerId);
        if (fault is not null)
        {
            tally.ElementsRejected++;
            if (rejections.Count < MaxRejectionsLogged)
            {
                rejections.Add(new ElementRejection(index, customerId, fault));
            }
        }
        else if (kind == ElementKind.Customer && element.TryGetProperty("attributes"u8, out var attributes))
        {
            foreach (var attribute in attributes.EnumerateObject())
            {
                if (ProfileAttributes.IgnoreReason(attribute) is { } why)
                {
                    tally.AttributesIgnored++;
                    if (ignored.Count < MaxRejectionsLogged)
                    {
                        ignored.Add(new IgnoredAttribute(index, customerId, attribute.Name, why));
                    }
                }
            }
        }

        return new ElementCheck(kind, customerId, fault);
    }

    private void ApplyDueLocked()
    {
        var now = time.GetUtcNow();
        while (pending.TryPeek(out var next) && next.DueAt <= now)
        {
            pending.Dequeue();
            counters.Pending(-1);
            using var document = JsonDocument.Parse(next.Body);
            var tally = new IngestTally();
            ApplyLocked(next.Endpoint, document.RootElement, next.Checks, next.ReceivedAt, ref tally);
            counters.Applied(tally);
            metrics.Applied(AppId, tally);
        }
    }

    private void ApplyLocked(DataEndpoint endpoint, JsonElement payload, ElementCheck[] checks, DateTime receivedAt, ref IngestTally tally)
    {
        if (endpoint != DataEndpoint.BulkImport)
        {
            Apply(payload, checks[0], receivedAt, ref tally);
            return;
        }

        var index = 0;
        foreach (var element in payload.GetProperty("elements"u8).EnumerateArray())
        {
            Apply(element, checks[index++], receivedAt, ref tally);
        }
    }

    private void Apply(JsonElement element, ElementCheck check, DateTime receivedAt, ref IngestTally tally)
    {
        if (check.Fault is not null)
        {
            return;
        }

        if (check.Kind == ElementKind.Customer)
        {
            contents.ApplyCustomer(element, check.CustomerId!, ref tally);
        }
        else
        {
            contents.ApplyEvent(element, check.CustomerId!, receivedAt, ref tally);
        }
    }

    private static ElementFault? WrongKind(DataEndpoint endpoint, ElementKind kind) => (endpoint, kind) switch
    {
        (DataEndpoint.TrackUser, not ElementKind.Customer) => new ElementFault(ElementFault.WrongType, "type", "type must be 'customer'"),
        (DataEndpoint.CreateEvent, not ElementKind.Event) => new ElementFault(ElementFault.WrongType, "type", "type must be 'event'"),
        _ => null,
    };

    /// <summary>
    /// A Bulk body with an invalid element, in a workspace that rejects such bodies: 400 naming the first fault,
    /// nothing applied and no quota taken (as for any refused request); the log keeps every fault.
    /// </summary>
    private IngestOutcome RejectBody(RequestFacts facts, QuotaDemand demand, int faulty, List<ElementRejection> rejections)
    {
        var first = rejections[0];
        var more = faulty > 1 ? $" (and {faulty - 1} more invalid element{(faulty > 2 ? "s" : "")})" : "";
        var fault = first.Fault with { Message = $"elements[{first.Index}]: {first.Fault.Message}{more}; nothing of this request was applied" };
        lock (gate)
        {
            RecordLocked(facts, StatusCodes.Status400BadRequest, fault.Message, demand,
                new IngestTally { ElementsRejected = faulty }, rejections, []);
        }

        return new IngestOutcome(StatusCodes.Status400BadRequest, fault);
    }

    private void RecordLocked(RequestFacts facts, int status, string? reason, QuotaDemand demand, in IngestTally tally,
        List<ElementRejection> rejections, List<IgnoredAttribute> ignored)
    {
        var entry = new RequestLogEntry(facts.Time, facts.RequestId, facts.Method, facts.Path, status, reason,
            facts.Bytes, demand.Users, demand.Events, tally.ElementsRejected, rejections, ignored);
        counters.Count(entry, tally);
        metrics.Answered(AppId, status);
        metrics.Applied(AppId, tally);
        log.Add(entry);
    }
}

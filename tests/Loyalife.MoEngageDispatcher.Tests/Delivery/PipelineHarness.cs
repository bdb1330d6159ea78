using System.Diagnostics.Metrics;
using Loyalife.MoEngageDispatcher.Scheduling;
using Loyalife.MoEngageDispatcher.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

/// <summary>
/// The delivery pipeline whole, in memory: a snapshot of numbered members and events, a Bulk Import that
/// answers as a test says, a progress store that keeps every save, an existence gate that knows who is absent.
/// </summary>
internal sealed class PipelineHarness
{
    public static readonly DateOnly Date = new(2026, 11, 27);

    private static readonly DispatcherTelemetry Telemetry =
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    public PipelineHarness(int members, int events = 0)
    {
        Snapshots = new InMemorySnapshots(members, events);
        Run = new SyncRun(Guid.CreateVersion7(), "demo", Date, Date, RunTrigger.Manual, false, RunStatus.Running, null,
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, 1, null, null, Report);
    }

    public InMemorySnapshots Snapshots { get; }

    public FakeBulkImport MoEngage { get; } = new();

    public FakeProgressStore Store { get; } = new();

    public FakeExistenceGate Gate { get; } = new();

    public RunReport Report { get; } = new();

    public SyncRun Run { get; set; }

    public MoEngageCredentials Credentials { get; set; } = new("demo", true, "APP1", "key", "DC-01", "http://moengage.invalid");

    public int PageSize { get; set; } = 10;

    /// <summary>Small enough that a body holds about ten members, so a few dozen make several bodies.</summary>
    public int MaxBodyBytes { get; set; } = 1024;

    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>What the intraday lane had delivered of the date, which the night leaves out.</summary>
    public LaneDelivered Lane { get; set; } = LaneDelivered.None;

    /// <summary>Every item MoEngage accepted, as a pass records it (recorded only when the run is a pass).</summary>
    public List<(ElementKind Kind, ItemKey Item)> Recorded { get; } = [];

    public CancellationTokenSource Stopping { get; } = new();

    public CancellationTokenSource LeaseLost { get; } = new();

    public async Task RunAsync()
    {
        using var waits = CancellationTokenSource.CreateLinkedTokenSource(Stopping.Token, LeaseLost.Token);
        var context = new RunContext(Run, Credentials, 7, new ReportBook(Report, Telemetry, TimeProvider.System), Stopping.Token, LeaseLost.Token, waits.Token);
        await Pipeline().RunAsync(context);
    }

    /// <summary>
    /// The snapshot as one intraday pass's pages through the same pipeline: accepted items recorded in
    /// <see cref="Recorded"/>, <paramref name="checkHold"/> asked before anything is sent.
    /// </summary>
    public async Task RunPassAsync(Func<DayReport, Task>? checkHold = null)
    {
        using var waits = CancellationTokenSource.CreateLinkedTokenSource(Stopping.Token, LeaseLost.Token);
        var context = new RunContext(Run, Credentials, 7, new ReportBook(Report, Telemetry, TimeProvider.System), Stopping.Token, LeaseLost.Token, waits.Token,
            new RecordingItems(Recorded));
        await Pipeline().RunPassAsync(context, Snapshots, Store, checkHold ?? (_ => Task.CompletedTask));
    }

    private DeliveryPipeline Pipeline() => new(new FakeSettings(Credentials), Snapshots, MoEngage, Store, Gate, new NoHoldRules(),
        Options.Create(new SyncOptions { PageSize = PageSize, EnabledCheckInterval = TimeSpan.FromHours(1) }),
        Options.Create(new MoEngageOptions { MaxBodyBytes = MaxBodyBytes, MaxConcurrentRequests = MaxConcurrentRequests }),
        TimeProvider.System, NullLogger<DeliveryPipeline>.Instance, new FixedLane(this));

    /// <summary>The customer_ids MoEngage accepted, each as often as it was accepted.</summary>
    public IReadOnlyList<string> Landed(string kind = "customer") => MoEngage.Landed(kind);

    private sealed class FixedLane(PipelineHarness harness) : ILaneDeliveries
    {
        public Task<LaneDelivered> OfDayAsync(string programId, DateOnly date, CancellationToken cancellationToken) => Task.FromResult(harness.Lane);
    }

    private sealed class RecordingItems(List<(ElementKind, ItemKey)> recorded) : IAcceptedItems
    {
        public Task RecordAsync(RunContext context, ElementKind kind, IReadOnlyList<ItemKey> accepted)
        {
            lock (recorded)
            {
                recorded.AddRange(accepted.Select(item => (kind, item)));
            }

            return Task.CompletedTask;
        }
    }

    private sealed class NoHoldRules : IHoldRules
    {
        public Task CheckAsync(SyncRun run, DateOnly date, RunReport report, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class FakeSettings(MoEngageCredentials credentials) : ISettingsSource
    {
        public Task<IReadOnlyList<EnabledProgram>> GetEnabledProgramsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EnabledProgram>>([new(credentials.ProgramId, credentials.AppId, credentials.DataCenter, credentials.ApiBaseUrl)]);

        public Task<MoEngageCredentials?> GetCredentialsAsync(string programId, CancellationToken cancellationToken) =>
            Task.FromResult<MoEngageCredentials?>(credentials);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Loyalife.MoEngageDispatcher.Telemetry;

/// <summary>The dispatcher's traces and metrics, under the name ServiceDefaults exports (<c>Loyalife.*</c>).</summary>
public sealed class DispatcherTelemetry : IDisposable
{
    public const string Name = "Loyalife.MoEngageDispatcher";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter meter;
    private readonly Counter<long> elementsSent;
    private readonly Counter<long> bytesSent;
    private readonly Counter<long> retries;
    private readonly Counter<long> rateLimitWaits;
    private readonly Histogram<double> runDuration;
    private readonly ConcurrentDictionary<string, double> lagSeconds = new();

    public DispatcherTelemetry(IMeterFactory meters)
    {
        meter = meters.Create(Name);
        elementsSent = meter.CreateCounter<long>("loyalife.dispatcher.elements_sent", "{element}", "Bulk Import elements MoEngage accepted");
        bytesSent = meter.CreateCounter<long>("loyalife.dispatcher.bytes_sent", "By", "Bulk Import body bytes sent, retries included");
        retries = meter.CreateCounter<long>("loyalife.dispatcher.retries", "{request}", "Requests repeated after 5xx, timeouts or dropped connections");
        rateLimitWaits = meter.CreateCounter<long>("loyalife.dispatcher.rate_limit_waits", "{wait}", "429 answers waited out");
        runDuration = meter.CreateHistogram<double>("loyalife.dispatcher.run_duration", "s", "Duration of finished runs");
        meter.CreateObservableGauge("loyalife.dispatcher.unsynced_lag", ObserveLag, "s",
            "Time since the oldest closed, not yet synced business day of each program ended");
    }

    public void Sent(ElementKind kind, int elements, long bytes)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind == ElementKind.Customer ? "customer" : "event");
        elementsSent.Add(elements, tag);
        bytesSent.Add(bytes, tag);
    }

    public void Retried(int count) => retries.Add(count);

    public void RateLimited(int count) => rateLimitWaits.Add(count);

    public void RunFinished(string status, string trigger, TimeSpan duration) =>
        runDuration.Record(duration.TotalSeconds, new("status", status), new("trigger", trigger));

    /// <summary>Lag of a program's oldest unsynced closed day (zero when all are synced).</summary>
    public void Lag(string programId, TimeSpan lag) => lagSeconds[programId] = Math.Max(0, lag.TotalSeconds);

    private IEnumerable<Measurement<double>> ObserveLag() =>
        lagSeconds.Select(entry => new Measurement<double>(entry.Value, new KeyValuePair<string, object?>("program_id", entry.Key)));

    public void Dispose() => meter.Dispose();
}

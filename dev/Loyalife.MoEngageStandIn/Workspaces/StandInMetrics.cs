using System.Diagnostics.Metrics;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// What the stand-in received, as OpenTelemetry metrics (meter <c>Loyalife.MoEngageStandIn</c>, picked up by
/// ServiceDefaults), so the Aspire dashboard shows a sync arriving without opening the control API.
/// </summary>
internal sealed class StandInMetrics
{
    public const string MeterName = "Loyalife.MoEngageStandIn";

    private readonly Counter<long> requests;
    private readonly Counter<long> customers;
    private readonly Counter<long> events;

    public StandInMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        requests = meter.CreateCounter<long>("moengage_standin.requests", description: "Data API requests by answer");
        customers = meter.CreateCounter<long>("moengage_standin.customers", description: "Customer elements by outcome, and profiles created");
        events = meter.CreateCounter<long>("moengage_standin.events", description: "Event actions by outcome");
    }

    public void Answered(string appId, int status) =>
        requests.Add(1, new KeyValuePair<string, object?>("workspace", appId), new("status", status));

    /// <summary>What a request did to the contents, counted when it is applied (after any processing delay).</summary>
    public void Applied(string appId, in IngestTally tally)
    {
        var workspace = new KeyValuePair<string, object?>("workspace", appId);
        Add(customers, tally.CustomersUpdated, workspace, "updated");
        Add(customers, tally.CustomersIgnored, workspace, "ignored");
        Add(customers, tally.ProfilesCreated, workspace, "created");
        Add(events, tally.EventsAccepted - tally.EventsDuplicated, workspace, "accepted");
        Add(events, tally.EventsDuplicated, workspace, "duplicated");
    }

    private static void Add(Counter<long> counter, int value, KeyValuePair<string, object?> workspace, string outcome)
    {
        if (value > 0)
        {
            counter.Add(value, workspace, new("outcome", outcome));
        }
    }
}

using System.Diagnostics;
using Loyalife.MoEngageDispatcher.Telemetry;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class TelemetryTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task ARunContinuesTheCronTicksTraceWithCredentialsAndItsPhasesAsChildrenAndPagesAndRequestsUnderThePhases()
    {
        var program = await env.ProgramAsync(members: 30, events: 4);
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DispatcherTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?> { ["Sync:MaxCatchUpDays"] = "1" });

        await dispatcher.TickAsync(traceparent: $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await dispatcher.WaitForRunsAsync(program.ProgramId);
        await Task.Delay(200);

        var run = Assert.Single(spans, span => span.OperationName == "sync run");
        Assert.Equal(program.ProgramId, run.GetTagItem("loyalife.program_id"));
        var children = spans.Where(span => span.ParentSpanId == run.SpanId).ToList();
        Assert.Single(children, span => span.OperationName == "credentials");
        // The run's timeline as spans: each phase a child of the run, its pages and requests children of the phase.
        Assert.Equal(["summary", "hold check", "member pages", "event pages", "absent count"],
            children.Where(span => span.OperationName != "credentials").OrderBy(span => span.StartTimeUtc).Select(span => span.OperationName));
        var pages = children.Where(span => span.OperationName.EndsWith(" pages", StringComparison.Ordinal)).Select(span => span.SpanId).ToHashSet();
        var underPages = spans.Where(span => pages.Contains(span.ParentSpanId)).Select(span => span.OperationName).ToList();
        Assert.Equal(2, underPages.Count(name => name == "snapshot page"));
        Assert.Equal(2, underPages.Count(name => name == "moengage bulk import"));
        Assert.All(spans, span => Assert.DoesNotContain(program.ApiKey, string.Join(' ', span.Tags.Select(tag => tag.Value))));
    }
}

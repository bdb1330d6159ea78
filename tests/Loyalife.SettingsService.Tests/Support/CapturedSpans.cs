using System.Diagnostics;

namespace Loyalife.SettingsService.Tests.Support;

/// <summary>Every span started in this process while it listens (names, tags, events), for leak checks.</summary>
public sealed class CapturedSpans : IDisposable
{
    private readonly ConcurrentQueue<string> spans = new();
    private readonly ActivityListener listener;

    public CapturedSpans()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => spans.Enqueue(
                $"{activity.Source.Name} {activity.DisplayName} {string.Join(";", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} "
                + string.Join(";", activity.Events.Select(e => $"{e.Name}:{string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}"))}"))),
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyCollection<string> Spans => spans;

    public void Dispose() => listener.Dispose();
}

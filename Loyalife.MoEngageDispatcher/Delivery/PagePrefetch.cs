using System.Threading.Channels;

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// Fetches a snapshot stream's pages ahead (two at most) while bodies go out, so neither snapshot-service
/// nor MoEngage waits for the other. Disposing stops the fetching and frees the pages never read.
/// </summary>
internal sealed class PagePrefetch : IAsyncDisposable
{
    private readonly Channel<SnapshotPage> channel = Channel.CreateBounded<SnapshotPage>(
        new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource cancel;
    private readonly Task producer;

    public PagePrefetch(
        ISnapshotSource snapshots, string programId, DateOnly date, SnapshotKind kind, string? after, int pageSize, CancellationToken stopping)
    {
        cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        producer = Task.Run(() => FetchAsync(snapshots, programId, date, kind, after, pageSize, cancel.Token), CancellationToken.None);
    }

    public IAsyncEnumerable<SnapshotPage> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

    private async Task FetchAsync(
        ISnapshotSource snapshots, string programId, DateOnly date, SnapshotKind kind, string? after, int pageSize, CancellationToken cancellationToken)
    {
        var writer = channel.Writer;
        try
        {
            while (true)
            {
                SnapshotPage page;
                using (var activity = DispatcherTelemetry.Source.StartActivity("snapshot page"))
                {
                    activity?.SetTag("loyalife.snapshot.kind", kind == SnapshotKind.Members ? "members" : "events");
                    activity?.SetTag("loyalife.snapshot.after", after);
                    page = await snapshots.GetPageAsync(programId, date, kind, after, pageSize, cancellationToken);
                    activity?.SetTag("loyalife.snapshot.items", page.Count);
                }

                // Read before handing the page over: the reader disposes it as soon as it is packed.
                var next = page.Next;
                await writer.WriteAsync(page, cancellationToken);
                if (next is null)
                {
                    break;
                }

                after = next;
            }

            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await cancel.CancelAsync();
        await producer.ContinueWith(_ => { }, TaskScheduler.Default);
        while (channel.Reader.TryRead(out var unread))
        {
            unread.Dispose();
        }

        cancel.Dispose();
    }
}

using System.Threading.Channels;

namespace Loyalife.DemoLedger;

/// <summary>
/// One table's binary COPY on its own connection, fed in batches through a bounded channel, so the
/// generator and the six COPY streams run side by side and memory stays at a few batches.
/// </summary>
internal sealed class CopyWriter<T>
{
    private const int BatchSize = 8192;
    private readonly Channel<List<T>> batches = Channel.CreateBounded<List<T>>(4);
    private readonly Task<ulong> completion;
    private List<T> current = new(BatchSize);

    public CopyWriter(NpgsqlDataSource dataSource, string copyCommand, Action<NpgsqlBinaryImporter, T> writeRow, CancellationToken ct) =>
        completion = Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            // Rows are written with the synchronous API (cheaper per value); Npgsql wants one style per import.
            using var importer = connection.BeginBinaryImport(copyCommand);
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                foreach (var row in batch)
                {
                    importer.StartRow();
                    writeRow(importer, row);
                }
            }

            return importer.Complete();
        }, ct);

    public void Add(T row) => current.Add(row);

    public async ValueTask FlushIfFullAsync(CancellationToken ct)
    {
        if (current.Count >= BatchSize)
        {
            await SendAsync(ct);
        }
    }

    /// <summary>Sends the rest and waits for PostgreSQL to accept the whole COPY; answers the row count.</summary>
    public async Task<ulong> CompleteAsync(CancellationToken ct)
    {
        await SendAsync(ct);
        batches.Writer.Complete();
        return await completion;
    }

    private async ValueTask SendAsync(CancellationToken ct)
    {
        if (current.Count == 0)
        {
            return;
        }

        // A failed COPY ends the reader; surface its exception rather than blocking on a full channel.
        var write = batches.Writer.WriteAsync(current, ct).AsTask();
        if (await Task.WhenAny(write, completion) == completion && !write.IsCompleted)
        {
            await completion;
            throw new InvalidOperationException("COPY ended before all rows were sent.");
        }

        await write;
        current = new List<T>(BatchSize);
    }
}

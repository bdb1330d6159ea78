using System.Text.Json;

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// A page streamed straight from the database reader to the response with <see cref="Utf8JsonWriter"/>:
/// `{"programId","businessDate","asOf","items":[…],"next":cursor-or-null}` (SPEC §7). Nothing of the
/// page is held in memory beyond the writer's buffer.
/// </summary>
public sealed class SnapshotPage(SnapshotScope scope, SnapshotPage.ItemWriter writeItems) : IResult
{
    public delegate Task<string?> ItemWriter(Utf8JsonWriter json, Func<Task> flush, Action begin, CancellationToken ct);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var ct = httpContext.RequestAborted;
        await using var json = new Utf8JsonWriter(response.BodyWriter);
        async Task Flush()
        {
            await json.FlushAsync(ct);
            await response.BodyWriter.FlushAsync(ct);
        }

        void Begin()
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            json.WriteStartObject();
            json.WriteString("programId", scope.ProgramId);
            json.WriteString("businessDate", scope.BusinessDate);
            json.WriteString("asOf", Format.Instant(scope.AsOfUtc));
            json.WriteStartArray("items");
        }

        var next = await writeItems(json, Flush, Begin, ct);
        json.WriteEndArray();
        json.WriteString("next", next);
        json.WriteEndObject();
        await Flush();
    }
}

using Microsoft.AspNetCore.Http.Metadata;

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// A page streamed straight from the database reader to the response with <see cref="Utf8JsonWriter"/>:
/// `{"programId","businessDate","asOf","items":[…],"next":cursor-or-null}` (docs/ledger.md). Nothing of the
/// page is held in memory beyond the writer's buffer.
/// </summary>
public sealed class SnapshotPage(SnapshotScope scope, SnapshotPage.ItemWriter writeItems) : IResult, IEndpointMetadataProvider
{
    /// <summary>Streamed by hand, so the OpenAPI document learns its 200 here rather than from a type.</summary>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(StatusCodes.Status200OK, null, ["application/json"]));

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

        // Until the first query succeeded nothing is written, so a failure still becomes a problem answer.
        response.StatusCode = StatusCodes.Status500InternalServerError;
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

        string? next;
        try
        {
            next = await writeItems(json, Flush, Begin, ct);
        }
        catch (Exception e) when (response.StatusCode == StatusCodes.Status200OK && e is not OperationCanceledException)
        {
            // Part of a page may already be on the wire: break the response rather than let an error
            // document follow it, so the caller can never take half a page for a whole one.
            httpContext.RequestServices.GetRequiredService<ILogger<SnapshotPage>>().LogError(e, "Snapshot page failed after it started");
            httpContext.Abort();
            return;
        }

        json.WriteEndArray();
        json.WriteString("next", next);
        json.WriteEndObject();
        await Flush();
    }
}

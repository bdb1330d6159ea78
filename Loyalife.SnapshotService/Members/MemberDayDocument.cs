using System.Buffers;

namespace Loyalife.SnapshotService.Members;

/// <summary>
/// One member of a closed day (docs/ledger.md): <c>{"programId","businessDate","asOf","memberId","customerId",
/// "skipReason","member","events"}</c>, where <c>member</c> is the member's item of the members page (null when it
/// is not sent) and <c>events</c> its items of the events pages (none when it is not sent). Built whole before
/// anything is written, so a failing query is still a problem answer; a member's day is small.
/// </summary>
public sealed class MemberDayDocument(SnapshotScope scope, MemberRow row, MemberSnapshotQuery members, EventSnapshotQuery events) : IResult, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider
{
    /// <summary>Written by hand, so the OpenAPI document learns its 200 here rather than from a type.</summary>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(StatusCodes.Status200OK, null, ["application/json"]));

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var ct = httpContext.RequestAborted;
        var buffer = new ArrayBufferWriter<byte>();
        await using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("programId", scope.ProgramId);
            json.WriteString("businessDate", scope.BusinessDate);
            json.WriteString("asOf", Format.Instant(scope.AsOfUtc));
            json.WriteString("memberId", row.MemberId);
            json.WriteString("customerId", row.CustomerId);
            json.WriteString("skipReason", row.SkipReason);
            json.WritePropertyName("member");
            if (!await members.WriteMemberAsync(scope, row.MemberId, json, ct))
            {
                json.WriteNullValue();
            }

            json.WriteStartArray("events");
            await events.WriteMemberEventsAsync(scope, row.MemberId, json, ct);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.Body.WriteAsync(buffer.WrittenMemory, ct);
    }
}

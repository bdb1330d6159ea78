using Microsoft.AspNetCore.Http;

namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>
/// snapshot-service's member reads (docs/ledger.md) as the fake serves them: one member of a day from the program's
/// members, events and <see cref="FakeProgram.UnsentMembers"/>, and the members behind a customer id.
/// </summary>
public static class FakeMemberDays
{
    /// <summary>The answer for <paramref name="path"/> when it is a member read, else null.</summary>
    public static IResult? Serve(FakeProgram program, string[] path, IQueryCollection query) => path switch
    {
        [_, _, _, "snapshots", var date, "members", var memberId] => Day(program, date, Uri.UnescapeDataString(memberId)),
        [_, _, _, "members"] => Results.Json(new
        {
            programId = program.ProgramId,
            customerId = query["customerId"].ToString(),
            memberIds = program.Members.Where(m => (string?)m["customerId"] == query["customerId"].ToString()).Select(m => (string?)m["memberId"])
                .Concat(program.UnsentMembers.Where(u => u.Value.Reference?.Trim() == query["customerId"].ToString()).Select(u => (string?)u.Key))
                .Order(StringComparer.Ordinal).ToArray(),
        }),
        _ => null,
    };

    private static IResult Day(FakeProgram program, string date, string memberId)
    {
        var day = new JsonObject { ["programId"] = program.ProgramId, ["businessDate"] = date, ["asOf"] = DateTimeOffset.UtcNow, ["memberId"] = memberId };
        if (program.Members.FirstOrDefault(m => (string?)m["memberId"] == memberId) is { } member)
        {
            day["customerId"] = member["customerId"]!.DeepClone();
            day["skipReason"] = null;
            day["member"] = member.DeepClone();
            day["events"] = new JsonArray(program.Events.Where(e => (string?)e["memberId"] == memberId).Select(e => (JsonNode?)e.DeepClone()).ToArray());
            return Results.Json(day);
        }

        if (program.UnsentMembers.TryGetValue(memberId, out var unsent))
        {
            day["customerId"] = string.IsNullOrWhiteSpace(unsent.Reference) ? null : unsent.Reference.Trim();
            day["skipReason"] = unsent.Reason;
            day["member"] = null;
            day["events"] = new JsonArray();
            return Results.Json(day);
        }

        return Results.Problem(statusCode: 404, title: "Unknown member");
    }
}

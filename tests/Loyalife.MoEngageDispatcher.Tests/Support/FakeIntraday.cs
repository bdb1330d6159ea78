using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>
/// snapshot-service's intraday API as the fake Dapr endpoint serves it (docs/ledger.md, "The intraday lane"): the
/// program's committed events in commit order (each for the day open when it was committed), a horizon that is one past the last committed one, and a pass
/// window [from, to) over those positions; the pass's members are its events' members with
/// <see cref="FakeProgram.IntradayPoints"/> added to their points, so a test sees whose attributes MoEngage keeps.
/// </summary>
internal static class FakeIntraday
{
    public static IResult? Serve(FakeProgram program, string[] path, IQueryCollection query)
    {
        if (path is [_, _, _, "intraday", "horizon"])
        {
            lock (program.Committed)
            {
                return Results.Json(new
                {
                    programId = program.ProgramId, businessDate = program.OpenDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    cutOff = program.CutOff, horizon = (program.Committed.Count + 1).ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        if (path is not [_, _, _, "intraday", var date, var what])
        {
            return null;
        }

        var to = int.Parse(query["to"]!, CultureInfo.InvariantCulture);
        var from = string.IsNullOrEmpty(query["from"]) ? 1 : int.Parse(query["from"]!, CultureInfo.InvariantCulture);
        if (what == "events")
        {
            lock (program.Committed)
            {
                if (program.IntradayEventFailures > 0)
                {
                    program.IntradayEventFailures--;
                    return Results.Problem(statusCode: 503, title: "Unavailable");
                }
            }
        }

        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        List<JsonObject> events;
        lock (program.Committed)
        {
            events = [.. program.Committed.Skip(from - 1).Take(Math.Max(0, to - from)).Where(c => c.Day == day).Select(c => c.Event)];
        }

        if (what == "summary")
        {
            return Results.Json(new
            {
                programId = program.ProgramId, businessDate = date, cutOff = program.CutOff,
                events = events.GroupBy(e => (string)e["name"]!).ToDictionary(g => g.Key, g => (long)g.Count()),
            });
        }

        var items = what == "members"
            ? events.Select(e => (string)e["memberId"]!).Distinct().Order(StringComparer.Ordinal)
                .Select(id => Refreshed(program, program.Members.First(m => (string)m["memberId"]! == id))).ToList()
            : events;
        var after = string.IsNullOrEmpty(query["after"]) ? 0 : int.Parse(query["after"]!, CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"].FirstOrDefault() ?? "1000", CultureInfo.InvariantCulture);
        var page = items.Skip(after).Take(limit).Select(item => item.DeepClone()).ToArray();
        var next = after + page.Length < items.Count ? (after + page.Length).ToString(CultureInfo.InvariantCulture) : null;
        return Results.Json(new JsonObject
        {
            ["programId"] = program.ProgramId, ["businessDate"] = date, ["asOf"] = program.CutOff, ["items"] = new JsonArray(page), ["next"] = next,
        });
    }

    private static JsonObject Refreshed(FakeProgram program, JsonObject member)
    {
        var copy = member.DeepClone().AsObject();
        var attributes = copy["attributes"]!.AsObject();
        attributes["points_available"] = (int)attributes["points_available"]! + program.IntradayPoints;
        return copy;
    }
}

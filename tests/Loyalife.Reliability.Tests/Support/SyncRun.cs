namespace Loyalife.Reliability.Tests.Support;

/// <summary>A run as GET /v1/sync-runs/{runId} answers it, read as JSON so the test needs none of the dispatcher's types.</summary>
public sealed record SyncRun(JsonElement Json)
{
    public string Status => Json.GetProperty("status").GetString()!;

    public string? Reason => Json.GetProperty("reason").GetString();

    public bool Finished => Status is "succeeded" or "failed";

    public JsonElement Report => Json.GetProperty("report");

    public long MembersSent => Report.GetProperty("membersSent").GetInt64();

    public long EventsSent => Report.GetProperty("eventsSent").EnumerateObject().Sum(e => e.Value.GetInt64());

    public long PossibleDuplicateMembers => Report.GetProperty("possibleDuplicates").GetProperty("members").GetInt64();

    public long PossibleDuplicateEvents => Report.GetProperty("possibleDuplicates").GetProperty("events").GetInt64();

    public override string ToString() => Json.GetRawText();
}

using System.Globalization;

namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

/// <summary>
/// A snapshot of members C0000001… and events (event i belongs to member i modulo the members), paged as
/// snapshot-service pages: the cursor is the index the next page starts at.
/// </summary>
internal sealed class InMemorySnapshots(int members, int events) : ISnapshotSource
{
    public const string EventName = "loyalty_points_earned";

    public static string CustomerId(int member) => $"C{member + 1:D7}";

    /// <summary>The member of event <paramref name="index"/>.</summary>
    public int MemberOf(int index) => index % members;

    public Task<ProgramInfo?> GetProgramAsync(string programId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the pipeline does not ask for the program");

    public Task<SnapshotSummary> GetSummaryAsync(string programId, DateOnly date, CancellationToken cancellationToken) =>
        Task.FromResult(new SnapshotSummary(programId, $"{date:yyyy-MM-dd}", DateTimeOffset.UtcNow, members, null,
            new Dictionary<string, long> { [EventName] = events }));

    public Task<SnapshotPage> GetPageAsync(
        string programId, DateOnly date, SnapshotKind kind, string? after, int limit, CancellationToken cancellationToken)
    {
        var total = kind == SnapshotKind.Members ? members : events;
        var start = after is null ? 0 : int.Parse(after, CultureInfo.InvariantCulture);
        var end = Math.Min(total, start + limit);
        var items = new JsonArray();
        for (var i = start; i < end; i++)
        {
            items.Add(kind == SnapshotKind.Members ? Member(i) : Event(i));
        }

        var page = new JsonObject { ["items"] = items, ["next"] = end < total ? end.ToString(CultureInfo.InvariantCulture) : null };
        return Task.FromResult(new SnapshotPage(JsonDocument.Parse(page.ToJsonString()), after));
    }

    /// <summary>Where a checkpoint's position is in the stream, counted from its start.</summary>
    public static int IndexOf(StreamPosition position) =>
        (position.PageCursor is null ? 0 : int.Parse(position.PageCursor, CultureInfo.InvariantCulture)) + position.Offset;

    private static JsonObject Member(int i) => new()
    {
        ["memberId"] = $"M{i + 1}",
        ["customerId"] = CustomerId(i),
        ["attributes"] = new JsonObject { ["points_available"] = i, ["tier"] = "gold" },
    };

    private JsonObject Event(int i) => new()
    {
        ["eventId"] = $"e{i}",
        ["name"] = EventName,
        ["memberId"] = $"M{MemberOf(i) + 1}",
        ["customerId"] = CustomerId(MemberOf(i)),
        ["occurredAt"] = "2026-11-27T11:15:00Z",
        ["attributes"] = new JsonObject { ["loyalife_event_id"] = $"e{i}", ["points"] = 10 },
    };
}

namespace Loyalife.SettingsService.Tests.Support;

/// <summary>
/// Thirty nights of runs as the dispatcher reports them (the shapes of its run report), with one failed night and
/// the latest night held, so the admin page can be seen as an admin of a busy program sees it.
/// </summary>
public static class SampleNights
{
    public static readonly DateOnly Latest = new(2026, 11, 30);
    public static readonly Guid HeldRun = Guid.Parse("7a1c2e3d-0000-4000-8000-000000000030");

    public static IReadOnlyList<object> Runs(string programId) =>
        [.. Enumerable.Range(0, 30).Select(back => Run(programId, back))];

    /// <summary>The run <paramref name="runId"/> of the thirty, or null.</summary>
    public static object? Find(string programId, Guid runId) =>
        Enumerable.Range(0, 30).Where(back => IdOf(back) == runId).Select(back => Run(programId, back)).FirstOrDefault();

    private static Guid IdOf(int back) => back == 0 ? HeldRun : Guid.Parse($"7a1c2e3d-0000-4000-8000-{back:D12}");

    // A night's phases as the dispatcher times them: confirmations and quota waits come back inside the pages.
    private static object[] Timeline(DateOnly date, DateTimeOffset started)
    {
        object Phase(string phase, double from, double to, double seconds, int stretches) => new
        {
            date = date.ToString("yyyy-MM-dd"), phase, startedAt = started.AddSeconds(from), endedAt = started.AddSeconds(to), seconds, stretches,
        };
        return
        [
            Phase("summary", 0.2, 2.0, 1.8, 1), Phase("hold_check", 2.0, 2.1, 0.1, 1), Phase("member_pages", 2.1, 62.4, 60.3, 1),
            Phase("quota_waits", 5.0, 88.0, 41.5, 120), Phase("event_pages", 62.4, 93.0, 30.6, 1), Phase("confirmations", 62.5, 90.1, 4.2, 11),
            Phase("absent_count", 93.0, 93.3, 0.3, 1),
        ];
    }

    public static object Run(string programId, int back)
    {
        var date = Latest.AddDays(-back);
        var started = new DateTimeOffset(date.ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero).AddMinutes(2 + back % 3);
        var members = 48_200 + (back * 37 % 400) - back * 12;
        var earned = 3_100 + back * 53 % 700;
        var status = back == 0 ? "held" : back == 9 ? "failed" : "succeeded";
        var seconds = status == "held" ? (double?)null : 95 + back * 7 % 40;
        return new
        {
            runId = IdOf(back),
            programId,
            businessDate = date.ToString("yyyy-MM-dd"),
            from = date,
            to = date,
            trigger = back == 4 ? "manual" : "nightly",
            dryRun = false,
            status,
            reason = status == "failed" ? "MoEngage answered 503 for 10 minutes; the next tick retries" : null,
            requestedAt = started.AddSeconds(-2),
            startedAt = status == "held" ? (DateTimeOffset?)null : started,
            finishedAt = seconds is { } s ? started.AddSeconds(s) : (DateTimeOffset?)null,
            durationSeconds = seconds,
            attempts = status == "failed" ? 3 : 1,
            report = new
            {
                membersSent = status == "held" ? 0 : members,
                membersSkipped = new Dictionary<string, long> { ["missing_reference"] = 14 + back % 5 },
                eventsSent = status == "held" ? new Dictionary<string, long>() : new Dictionary<string, long>
                {
                    ["loyalty_points_earned"] = earned, ["loyalty_points_redeemed"] = 640 + back * 11 % 90, ["loyalty_tier_upgraded"] = 35 + back % 9,
                    ["loyalty_points_expiring_soon"] = back % 7 == 0 ? 1_900 : 0,
                },
                requests = 160, retries = back % 4, rateLimitWaits = 0, rateLimitWaitSeconds = 0.0, pacingWaitSeconds = 41.5,
                rejectedElements = back == 3 ? 2 : 0, bytes = 15_800_000, bodies = 158, averageBodyFillPercent = 99.4,
                possibleDuplicates = new { requests = 0, members = 0, events = 0 },
                membersNotInMoEngage = 137,
                eventsHeldBack = new Dictionary<string, long> { ["not_in_moengage"] = 41 + back % 6, ["unconfirmed"] = back % 3 },
                eventsSentToUnconfirmed = 0,
                confirmations = new { asked = 220, found = 212, notFound = 8, calls = 11, waitSeconds = 0.0 },
                verification = back == 1
                    ? new { state = "pending", sampled = 0, matched = 0, differed = Array.Empty<object>(), missing = 0, flagged = false }
                    : new { state = "done", sampled = 20, matched = back == 9 ? 6 : 20, differed = back == 9 ? new object[] { new { customerId = "C00012345", attributes = new[] { "points_available" } } } : [], missing = 0, flagged = back == 9 },
                quotaLowerBoundSeconds = 48.2 + back % 5,
                timeline = status == "held" ? [] : Timeline(date, started),
                held = status == "held"
                    ? new
                    {
                        businessDate = date.ToString("yyyy-MM-dd"), rule = "events_spike",
                        figures = new Dictionary<string, object> { ["event"] = "loyalty_points_expiring_soon", ["events"] = 41_250, ["median"] = 1_900, ["nights"] = 14, ["factor"] = 5, ["minimum"] = 1_000 },
                        summary = "41,250 loyalty_points_expiring_soon events, above 5 × the median of the last 14 synced nights (1900) and above 1,000",
                        heldAt = started,
                    }
                    : null,
                error = status == "failed" ? "MoEngage answered 503 for 10 minutes" : null,
                previousErrors = status == "failed" ? new[] { "MoEngage answered 503" } : Array.Empty<string>(),
            },
            rejected = (object?)null,
        };
    }

    public static object MembersPage(string? search, string? after) => new
    {
        items = Enumerable.Range(after is null ? 1 : 26, 25)
            .Select(i => new { memberId = $"M{i:D6}", customerId = $"C{9_000_000 + i:D8}", since = "2026-11-02T23:04:00Z", lastChecked = "2026-11-30T23:03:00Z" })
            .Where(member => search is null || member.memberId.Contains(search, StringComparison.OrdinalIgnoreCase) || member.customerId.Contains(search, StringComparison.OrdinalIgnoreCase)),
        next = after is null && search is null ? "cursor-25" : null,
        total = search is null ? 137 : 1,
    };
}

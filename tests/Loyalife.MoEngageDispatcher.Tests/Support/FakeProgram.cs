namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>A program as the fake snapshot- and settings-service serve it: the same snapshot for every date.</summary>
public sealed class FakeProgram
{
    public required string ProgramId { get; init; }

    public string TimeZone { get; init; } = "Europe/Amsterdam";

    public List<JsonObject> Members { get; init; } = [];

    public List<JsonObject> Events { get; init; } = [];

    public Dictionary<string, long> SkippedMembers { get; init; } = [];

    /// <summary>Members snapshot-service knows but does not send: member id → (relation reference, skip reason).</summary>
    public Dictionary<string, (string? Reference, string Reason)> UnsentMembers { get; init; } = [];

    public bool Enabled { get; set; } = true;

    public required string AppId { get; init; }

    public required string ApiKey { get; set; }

    public string DataCenter { get; init; } = "01";

    public required string ApiBaseUrl { get; init; }

    /// <summary>What settings-service answers as <c>attributeNames</c> and <c>unknownMembers</c>; null leaves the field out.</summary>
    public Dictionary<string, string>? AttributeNames { get; set; }

    public string? UnknownMembers { get; set; }

    /// <summary>What settings-service answers as <c>intradayMinutes</c>; null leaves the field out (nightly only).</summary>
    public int? IntradayMinutes { get; set; }

    /// <summary>The intraday lane's view: the open day, the events committed to it in commit order, the database's clock.</summary>
    public DateOnly OpenDay { get; set; }

    public List<(DateOnly Day, JsonObject Event)> Committed { get; } = [];

    public DateTimeOffset CutOff { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>How many more intraday event pages answer 503 (snapshot-service failing mid-pass).</summary>
    public int IntradayEventFailures { get; set; }

    /// <summary>Added to a pass's members' points, so a test can tell a pass's attributes from a night's.</summary>
    public int IntradayPoints { get; set; }

    /// <summary>The webhooks settings-service would hand the dispatcher, signing secrets included.</summary>
    public List<Loyalife.MoEngageDispatcher.Alerts.AlertTarget> AlertTargets { get; } = [];

    /// <summary>A webhook receiver checking <paramref name="secret"/>'s signatures, made the program's one alert target.</summary>
    public async Task<WebhookReceiver> AlertReceiverAsync(string secret)
    {
        var receiver = await WebhookReceiver.StartAsync(secret);
        AlertTargets.Add(new Loyalife.MoEngageDispatcher.Alerts.AlertTarget("target-1", receiver.Url, secret));
        return receiver;
    }

    /// <summary>Snapshot requests served, as "date kind after".</summary>
    public List<string> PagesServed { get; } = [];

    /// <summary>Hand-built members <c>C0000001…</c> with a few attributes each.</summary>
    public static List<JsonObject> MakeMembers(int count, int start = 1) =>
        Enumerable.Range(start, count).Select(n => new JsonObject
        {
            ["memberId"] = $"M{n:D8}",
            ["customerId"] = $"C{n:D7}",
            ["attributes"] = new JsonObject
            {
                ["points_available"] = n * 10,
                ["points_accrued_lifetime"] = n * 12,
                ["tier"] = n % 2 == 0 ? "gold" : "silver",
                ["status"] = "active",
                ["enrollment_date"] = "2025-01-15",
            },
        }).ToList();

    /// <summary>Events for the first members, at distinct instants of 2026-11-20 (in the past, as MoEngage wants).</summary>
    public static List<JsonObject> MakeEvents(int count) =>
        Enumerable.Range(1, count).Select(n => new JsonObject
        {
            ["eventId"] = $"pe-{n}",
            ["name"] = n % 3 == 0 ? "loyalty_points_redeemed" : "loyalty_points_earned",
            ["memberId"] = $"M{n:D8}",
            ["customerId"] = $"C{n:D7}",
            ["occurredAt"] = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero).AddSeconds(n).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["attributes"] = new JsonObject
            {
                ["program_id"] = "p",
                ["loyalife_event_id"] = $"pe-{n}",
                ["points"] = n,
            },
        }).ToList();
}

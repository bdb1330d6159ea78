using System.Globalization;
using System.Text.Json;

namespace Loyalife.Bench.Dispatcher;

/// <summary>
/// A fake Dapr endpoint serving settings-service and snapshot-service for one program, generating snapshot
/// pages on the fly (docs/ledger.md shapes, realistic attribute sets), so the benchmark measures the dispatcher.
/// </summary>
internal sealed class SyntheticSources(string programId, string appId, string apiKey, string apiBaseUrl, int members, int events)
{
    public const string DaprToken = "bench-dapr-token";
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public async Task ServeAsync(HttpContext http, string appId2, string path)
    {
        if (http.Request.Headers["dapr-api-token"] != DaprToken)
        {
            http.Response.StatusCode = 401;
            return;
        }

        var segments = path.Split('/');
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter);
        switch (appId2, segments)
        {
            case ("settings-service", [.., "enabled-programs"]):
                writer.WriteStartArray();
                WriteSettings(writer, withKey: false);
                writer.WriteEndArray();
                break;
            case ("settings-service", [.., "credentials"]):
                WriteSettings(writer, withKey: true);
                break;
            case ("snapshot-service", ["v1", "programs", _]):
                writer.WriteStartObject();
                writer.WriteString("programId", programId);
                writer.WriteString("name", "Benchmark");
                writer.WriteString("timeZone", "Europe/Amsterdam");
                writer.WriteStartArray("tiers");
                writer.WriteStringValue("silver");
                writer.WriteStringValue("gold");
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            case ("snapshot-service", [.., "summary"]):
                writer.WriteStartObject();
                writer.WriteString("programId", programId);
                writer.WriteString("businessDate", segments[4]);
                writer.WriteString("asOf", DateTimeOffset.UtcNow);
                writer.WriteNumber("members", members);
                writer.WriteStartObject("skippedMembers");
                writer.WriteEndObject();
                writer.WriteStartObject("events");
                writer.WriteNumber("loyalty_points_earned", events);
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            case ("snapshot-service", [.., var kind]):
                var after = int.TryParse(http.Request.Query["after"], CultureInfo.InvariantCulture, out var a) ? a : 0;
                var limit = int.Parse(http.Request.Query["limit"].FirstOrDefault() ?? "1000", CultureInfo.InvariantCulture);
                WritePage(writer, segments[4], kind == "members", after, limit);
                break;
            default:
                http.Response.StatusCode = 404;
                break;
        }
    }

    private void WriteSettings(Utf8JsonWriter writer, bool withKey)
    {
        writer.WriteStartObject();
        writer.WriteString("programId", programId);
        writer.WriteBoolean("enabled", true);
        writer.WriteString("appId", appId);
        if (withKey)
        {
            writer.WriteString("apiKey", apiKey);
        }

        writer.WriteString("dataCenter", "01");
        writer.WriteString("apiBaseUrl", apiBaseUrl);
        // Events go out unconfirmed: this benchmark measures sending; bench/run.sh measures the existence gate.
        writer.WriteString("unknownMembers", "send");
        writer.WriteEndObject();
    }

    private void WritePage(Utf8JsonWriter writer, string date, bool isMembers, int after, int limit)
    {
        var total = isMembers ? members : events;
        var end = Math.Min(total, after + limit);
        writer.WriteStartObject();
        writer.WriteString("programId", programId);
        writer.WriteString("businessDate", date);
        writer.WriteString("asOf", Day.AddDays(1));
        writer.WriteStartArray("items");
        for (var n = after + 1; n <= end; n++)
        {
            if (isMembers)
            {
                WriteMember(writer, n);
            }
            else
            {
                WriteEvent(writer, n);
            }
        }

        writer.WriteEndArray();
        if (end < total)
        {
            writer.WriteString("next", end.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("next");
        }

        writer.WriteEndObject();
    }

    private static void WriteMember(Utf8JsonWriter writer, int n)
    {
        writer.WriteStartObject();
        writer.WriteString("memberId", $"M{n:D8}");
        writer.WriteString("customerId", $"C{n:D7}");
        writer.WriteStartObject("attributes");
        writer.WriteNumber("points_available", n % 9973);
        writer.WriteNumber("points_accrued_lifetime", n % 9973 + 1200);
        writer.WriteNumber("points_redeemed_lifetime", 800);
        writer.WriteNumber("points_expired_lifetime", 400);
        writer.WriteString("tier", n % 3 == 0 ? "gold" : "silver");
        writer.WriteString("status", "active");
        writer.WriteString("enrollment_date", "2025-08-14");
        writer.WriteString("last_transaction_date", "2026-11-18");
        writer.WriteNumber("total_transactions", n % 97);
        writer.WriteNumber("days_since_last_activity", 2);
        writer.WriteNumber("points_expiring_30d", 120);
        writer.WriteNumber("points_expiring_60d", 250);
        writer.WriteNumber("points_expiring_90d", 400);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter writer, int n)
    {
        writer.WriteStartObject();
        writer.WriteString("eventId", $"pe-{n}");
        writer.WriteString("name", "loyalty_points_earned");
        writer.WriteString("memberId", $"M{n:D8}");
        writer.WriteString("customerId", $"C{n:D7}");
        writer.WriteString("occurredAt", Day.AddSeconds(n % 86_400).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        writer.WriteStartObject("attributes");
        writer.WriteString("program_id", "bench");
        writer.WriteString("loyalife_event_id", $"pe-{n}");
        writer.WriteNumber("points", 10 + n % 90);
        writer.WriteString("earning_type", "accrual");
        writer.WriteString("transaction_id", $"T{n:D9}");
        writer.WriteNumber("transaction_amount", 12.5m + n % 100);
        writer.WriteString("currency", "EUR");
        writer.WriteString("channel", "store");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

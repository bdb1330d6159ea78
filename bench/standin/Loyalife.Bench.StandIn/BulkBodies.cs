using System.Globalization;
using System.Text;

namespace Loyalife.Bench.StandIn;

/// <summary>
/// Bulk bodies shaped like the dispatcher's (docs/architecture.md): member-attribute refreshes and loyalty events,
/// packed to just under a target size, as the dispatcher packs them up to MoEngage's cap.
/// </summary>
internal static class BulkBodies
{
    public const string Prefix = """{"type":"transition","elements":[""";
    public const string Suffix = "]}";

    public static List<byte[]> Create(int count, int targetBytes)
    {
        var bodies = new List<byte[]>(count);
        var member = 0;
        for (var i = 0; i < count; i++)
        {
            var body = new StringBuilder(targetBytes).Append(Prefix);
            var first = true;
            while (true)
            {
                member++;
                var element = i % 2 == 0 ? Customer(CustomerId(member), member) : Event(CustomerId(member), member);
                if (body.Length + element.Length + 1 + Suffix.Length > targetBytes)
                {
                    break;
                }

                body.Append(first ? "" : ",").Append(element);
                first = false;
            }

            bodies.Add(Encoding.UTF8.GetBytes(body.Append(Suffix).ToString()));
        }

        return bodies;
    }

    private static string CustomerId(int member) => "C" + (member % 200_000 + 1).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A member-attribute refresh as the dispatcher sends it; <paramref name="member"/> varies the values.</summary>
    public static string Customer(string customerId, int member) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"type":"customer","customer_id":"{{{customerId}}}","update_existing_only":true,"attributes":{"points_available":{{{member % 5000}}},"points_accrued_lifetime":{{{member % 9000 + 100}}},"points_redeemed_lifetime":{{{member % 700}}},"points_expired_lifetime":{{{member % 90}}},"tier":"Gold","loyalty_status":"active","enrollment_date":"2024-03-{{{member % 28 + 1:D2}}}","last_transaction_date":"2026-11-{{{member % 27 + 1:D2}}}","total_transactions":{{{member % 300}}},"days_since_last_activity":{{{member % 27}}},"points_expiring_30d":{{{member % 50}}},"points_expiring_60d":{{{member % 80}}},"points_expiring_90d":{{{member % 120}}}}}
        """);

    public static string Event(string customerId, int member) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"type":"event","customer_id":"{{{customerId}}}","actions":[{"action":"loyalty_points_earned","attributes":{"program_id":"demo","loyalife_event_id":"pe-{{{member}}}","points":{{{member % 400 + 1}}},"earning_type":"accrual","transaction_id":"T{{{member:D9}}}","transaction_amount":{{{member % 900}}}.50,"currency":"EUR","channel":"web"},"current_time":"2026-11-27T{{{member % 24:D2}}}:{{{member % 60:D2}}}:00Z"}]}
        """);
}

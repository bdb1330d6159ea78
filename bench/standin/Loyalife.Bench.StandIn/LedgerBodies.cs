using System.Globalization;
using System.Text;

namespace Loyalife.Bench.StandIn;

/// <summary>
/// A night of a program at ledger scale, made lazily so a million members never sit in the load generator's
/// memory: every member's attribute refresh once (ids <c>C00000000</c>…, of which the stand-in's demo pattern
/// holds those ending in 0-8), then the day's events, spread over the members the workspace holds (the
/// dispatcher holds back events of members MoEngage lacks). Bodies are packed to just under the target size.
/// </summary>
internal sealed class LedgerBodies(int members, int events, int targetBytes)
{
    private readonly Lock gate = new();
    private readonly IEnumerator<string> elements = Night(members, events).GetEnumerator();
    private string? carried;
    private bool done;

    public long Elements { get; private set; }

    /// <summary>The next body, or null when the night is sent. Safe to call from several senders.</summary>
    public byte[]? Next()
    {
        lock (gate)
        {
            var body = new StringBuilder(targetBytes).Append(BulkBodies.Prefix);
            var count = 0;
            while (!done)
            {
                var element = carried ?? (elements.MoveNext() ? elements.Current : null);
                carried = null;
                if (element is null)
                {
                    done = true;
                    break;
                }

                if (count > 0 && body.Length + element.Length + 1 + BulkBodies.Suffix.Length > targetBytes)
                {
                    carried = element;
                    break;
                }

                body.Append(count == 0 ? "" : ",").Append(element);
                count++;
            }

            Elements += count;
            return count == 0 ? null : Encoding.UTF8.GetBytes(body.Append(BulkBodies.Suffix).ToString());
        }
    }

    private static IEnumerable<string> Night(int members, int events)
    {
        for (var member = 0; member < members; member++)
        {
            yield return BulkBodies.Customer(Id(member), member);
        }

        // Members numbered 0…members-1; those ending in 0-8 are held. A prime stride visits every held member
        // of the full tens before it repeats one.
        var held = Math.Max(1, members / 10 * 9);
        for (var i = 0; i < events; i++)
        {
            var k = (int)((long)i * 7919 % held);
            yield return BulkBodies.Event(Id(k / 9 * 10 + k % 9), i);
        }
    }

    private static string Id(int member) => "C" + member.ToString("D8", CultureInfo.InvariantCulture);
}

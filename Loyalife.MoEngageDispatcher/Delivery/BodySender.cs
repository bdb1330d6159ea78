using System.Numerics;

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// Sends one body to Bulk Import within the workspace's quota, and answers every request's outcome as parts,
/// in order, for the report. A 413 splits the body in halves, sent in turn. So does a 400 on a body of more
/// than one element: MoEngage refuses a whole body for one invalid element, so halving isolates the elements
/// it refuses, which alone are rejected, while the rest is delivered (docs/architecture.md, "One bad element").
/// </summary>
internal sealed class BodySender(IBulkImport bulkImport)
{
    /// <summary>
    /// How many bad elements a body's 400 splits may isolate before the rest of a refused part is rejected
    /// whole: each costs about 2·log2(n) requests (both halves of each split go out), so a body of 200
    /// elements takes at most 64 extra requests, however many of its elements MoEngage refuses.
    /// </summary>
    public const int BadElementsIsolatedPerBody = 4;

    public async Task<Delivered> SendAsync(RunContext context, DateOnly date, BulkBody body)
    {
        using (body)
        {
            var parts = new List<Part>();
            var splits = new IsolationAllowance(BadElementsIsolatedPerBody * SplitsToIsolateOne(body.Count));
            await SendPartAsync(context, body, parts, splits);
            return new Delivered(date, body.Kind, body.End, parts, body.Count, body.HeldBack);
        }
    }

    /// <summary>ceil(log2 n): the halvings that take a part of <paramref name="count"/> elements down to one.</summary>
    public static int SplitsToIsolateOne(int count) => count <= 1 ? 0 : BitOperations.Log2((uint)(count - 1)) + 1;

    private async Task SendPartAsync(RunContext context, BulkBody body, List<Part> parts, IsolationAllowance splits)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("moengage bulk import", ActivityKind.Client);
        activity?.SetTag("loyalife.moengage.elements", body.Count);
        activity?.SetTag("loyalife.moengage.kind", ReportBook.KindName(body.Kind));
        activity?.SetTag("loyalife.moengage.bytes", body.Length);
        var (result, waited) = await bulkImport.SendAsync(context.Credentials, body, context.LeaseLost, context.Waits);
        activity?.SetTag("http.response.status_code", result.Status);
        activity?.SetTag("loyalife.moengage.outcome", result.Outcome.ToString());
        if (body.Count > 1 && (result.Outcome == SendOutcome.TooLarge || RefusesAnElement(result) && splits.TryTake()))
        {
            // The refused request itself: counted (requests, bytes, waits), its elements go on in the halves.
            parts.Add(new Part(result, waited, body.Kind, 0, [], null));
            var half = body.Count / 2;
            using (var first = body.Slice(0, half))
            {
                await SendPartAsync(context, first, parts, splits);
            }

            using var second = body.Slice(half, body.Count - half);
            await SendPartAsync(context, second, parts, splits);
            return;
        }

        parts.Add(result.Outcome == SendOutcome.Accepted
            ? Part.Accepted(body, result) with { Waited = waited }
            : new Part(result, waited, body.Kind, body.Count, [],
                Enumerable.Range(0, body.Count).Select(i => Encoding.UTF8.GetString(body.Element(i).Span)).ToList()));
    }

    /// <summary>MoEngage answers 400 for a body holding an invalid element (a missing customer_id, a wrong type).</summary>
    private static bool RefusesAnElement(SendResult result) =>
        result.Outcome == SendOutcome.Rejected && result.Status == (int)HttpStatusCode.BadRequest;

    /// <summary>The splits a body's 400s may still take (each split sends two halves).</summary>
    private sealed class IsolationAllowance(int splits)
    {
        private int left = splits;

        public bool TryTake()
        {
            if (left == 0)
            {
                return false;
            }

            left--;
            return true;
        }
    }
}

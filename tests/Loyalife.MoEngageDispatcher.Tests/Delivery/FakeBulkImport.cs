namespace Loyalife.MoEngageDispatcher.Tests.Delivery;

/// <summary>
/// Bulk Import as a test wants it: every request recorded with its elements, answered by <see cref="Answer"/>
/// (accepted unless told otherwise), which may also wait to make bodies complete out of order.
/// </summary>
internal sealed class FakeBulkImport : IBulkImport
{
    public const string BadRequestAnswer =
        """{"status":"fail","error":{"type":"Bad Request","message":"customer_id is mandatory","request_id":"r1"}}""";

    private readonly List<Request> requests = [];
    private readonly List<int> completed = [];
    private readonly List<Request> accepted = [];

    /// <summary>The answer to a request (its number from 1, its elements); accepted when null.</summary>
    public Func<Request, Task<SendResult>>? Answer { get; set; }

    /// <summary>How long the quota held each body back, as the real Bulk Import reports it (nothing is waited here).</summary>
    public TimeSpan QuotaWait { get; set; }

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>Request numbers in the order their answers came.</summary>
    public IReadOnlyList<int> CompletionOrder
    {
        get
        {
            lock (completed)
            {
                return [.. completed];
            }
        }
    }

    public async Task<BulkAnswer> SendAsync(
        MoEngageCredentials credentials, BulkBody body, CancellationToken requestToken, CancellationToken waits)
    {
        waits.ThrowIfCancellationRequested();
        Request request;
        lock (requests)
        {
            request = new Request(requests.Count + 1, body.Length,
                Enumerable.Range(0, body.Count).Select(i => Element.Parse(body.Element(i).Span)).ToList());
            requests.Add(request);
        }

        var result = Answer is null ? Accepted(request) : await Answer(request);
        lock (completed)
        {
            completed.Add(request.Number);
            if (result.Outcome == SendOutcome.Accepted)
            {
                accepted.Add(request);
            }
        }

        return new BulkAnswer(result, QuotaWait);
    }

    /// <summary>What each accepted request carried, as <c>type:customer_id</c> (events: <c>event:loyalife_event_id</c>).</summary>
    public IReadOnlyList<string> Landed(string type)
    {
        lock (completed)
        {
            return [.. accepted.SelectMany(r => r.Elements).Where(e => e.Type == type).Select(e => e.Id)];
        }
    }

    public static SendResult Accepted(Request request, bool possibleDuplicate = false) =>
        new(SendOutcome.Accepted, 200, null, possibleDuplicate ? 2 : 1, possibleDuplicate ? 1 : 0, 0, TimeSpan.Zero, possibleDuplicate,
            (possibleDuplicate ? 2L : 1L) * request.Bytes);

    public static SendResult TooLarge(Request request) =>
        new(SendOutcome.TooLarge, 413, "request entity too large", 1, 0, 0, TimeSpan.Zero, false, request.Bytes);

    public static SendResult BadRequest(Request request) =>
        new(SendOutcome.Rejected, 400, BadRequestAnswer, 1, 0, 0, TimeSpan.Zero, false, request.Bytes);

    /// <summary>One request: its number from 1, its size, its elements.</summary>
    public sealed record Request(int Number, int Bytes, IReadOnlyList<Element> Elements)
    {
        public bool Holds(string id) => Elements.Any(e => e.Id == id);
    }

    /// <summary>One element of a request: its type and whom (or which event) it is for.</summary>
    public sealed record Element(string Type, string Id)
    {
        public static Element Parse(ReadOnlySpan<byte> json)
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var type = root.GetProperty("type").GetString()!;
            return type == "customer"
                ? new Element(type, root.GetProperty("customer_id").GetString()!)
                : new Element(type, root.GetProperty("actions")[0].GetProperty("attributes").GetProperty("loyalife_event_id").GetString()!);
        }
    }
}

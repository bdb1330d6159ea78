namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// Sends one body to Bulk Import within the workspace's quota; a 413 splits it in halves, sent in turn.
/// Answers every request's outcome as parts, in order, for the report.
/// </summary>
/// <param name="waits">Cancels quota and back-off waits (stopping, or the lease lost).</param>
internal sealed class BodySender(
    MoEngageClient moengage, IQuotaLimiter limiter, MoEngageCredentials credentials, ProgramLease lease, CancellationToken waits)
{
    public async Task<Delivered> SendAsync(DateOnly date, BulkBody body)
    {
        using (body)
        {
            var parts = new List<Part>();
            await SendPartAsync(body, parts);
            return new Delivered(date, body.Kind, body.End, parts, body.Count, body.HeldBack);
        }
    }

    private async Task SendPartAsync(BulkBody body, List<Part> parts)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("moengage bulk import", ActivityKind.Client);
        activity?.SetTag("loyalife.moengage.elements", body.Count);
        activity?.SetTag("loyalife.moengage.kind", ReportBook.KindName(body.Kind));
        activity?.SetTag("loyalife.moengage.bytes", body.Length);
        var waited = await limiter.ReserveAsync(credentials.AppId, IQuotaLimiter.For(body.Kind), body.Count, waits);
        var result = await moengage.SendAsync(credentials, body, lease.Lost, waits);
        activity?.SetTag("http.response.status_code", result.Status);
        activity?.SetTag("loyalife.moengage.outcome", result.Outcome.ToString());
        if (result.Outcome == SendOutcome.TooLarge && body.Count > 1)
        {
            parts.Add(new Part(result, waited, body.Kind, 0, [], null));
            var half = body.Count / 2;
            using (var first = body.Slice(0, half))
            {
                await SendPartAsync(first, parts);
            }

            using var second = body.Slice(half, body.Count - half);
            await SendPartAsync(second, parts);
            return;
        }

        parts.Add(result.Outcome == SendOutcome.Accepted
            ? Part.Accepted(body, result) with { Waited = waited }
            : new Part(result, waited, body.Kind, body.Count, [],
                Enumerable.Range(0, body.Count).Select(i => Encoding.UTF8.GetString(body.Element(i).Span)).ToList()));
    }
}

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// Sends one body to Bulk Import within the workspace's quota; a 413 splits it in halves, sent in turn.
/// Answers every request's outcome as parts, in order, for the report.
/// </summary>
internal sealed class BodySender(IBulkImport bulkImport)
{
    public async Task<Delivered> SendAsync(RunContext context, DateOnly date, BulkBody body)
    {
        using (body)
        {
            var parts = new List<Part>();
            await SendPartAsync(context, body, parts);
            return new Delivered(date, body.Kind, body.End, parts, body.Count, body.HeldBack);
        }
    }

    private async Task SendPartAsync(RunContext context, BulkBody body, List<Part> parts)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("moengage bulk import", ActivityKind.Client);
        activity?.SetTag("loyalife.moengage.elements", body.Count);
        activity?.SetTag("loyalife.moengage.kind", ReportBook.KindName(body.Kind));
        activity?.SetTag("loyalife.moengage.bytes", body.Length);
        var (result, waited) = await bulkImport.SendAsync(context.Credentials, body, context.LeaseLost, context.Waits);
        activity?.SetTag("http.response.status_code", result.Status);
        activity?.SetTag("loyalife.moengage.outcome", result.Outcome.ToString());
        if (body.Count > 1 && result.Outcome == SendOutcome.TooLarge)
        {
            parts.Add(new Part(result, waited, body.Kind, 0, [], null));
            var half = body.Count / 2;
            using (var first = body.Slice(0, half))
            {
                await SendPartAsync(context, first, parts);
            }

            using var second = body.Slice(half, body.Count - half);
            await SendPartAsync(context, second, parts);
            return;
        }

        parts.Add(result.Outcome == SendOutcome.Accepted
            ? Part.Accepted(body, result) with { Waited = waited }
            : new Part(result, waited, body.Kind, body.Count, [],
                Enumerable.Range(0, body.Count).Select(i => Encoding.UTF8.GetString(body.Element(i).Span)).ToList()));
    }
}

namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>One request's final answer, with what the report needs of its body (the body itself is already returned to the pool).</summary>
internal sealed record Part(
    SendResult Result, TimeSpan Waited, ElementKind Kind, int Count, IReadOnlyList<string?> EventNames, IReadOnlyList<string>? RejectedElements,
    int Unconfirmed = 0, IReadOnlyList<ItemKey>? Items = null)
{
    public static Part Accepted(BulkBody body, SendResult result) =>
        new(result, TimeSpan.Zero, body.Kind, body.Count,
            body.Kind == ElementKind.Event ? Enumerable.Range(0, body.Count).Select(body.EventName).ToList() : [], null,
            Enumerable.Range(0, body.Count).Count(body.Unconfirmed),
            [.. Enumerable.Range(0, body.Count).Select(body.Item).OfType<ItemKey>()]);
}

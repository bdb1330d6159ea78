namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// Turns a page's items into Bulk Import elements packed into bodies; an item that cannot be mapped, or
/// whose element exceeds the cap on its own, is recorded as rejected instead. Events pass the existence
/// gate first: one whose member MoEngage does not hold (or has not confirmed) is held back, not packed.
/// <paramref name="keepItems"/>: each element remembers its item (<see cref="ItemKey"/>); <paramref name="leaveOut"/>: the
/// member or event ids another lane already delivered, left out.
/// </summary>
internal sealed class PagePacker(
    BulkBodyPacker packer, ElementKind kind, BulkElementWriter elements, ReportBook book, bool keepItems = false, IReadOnlySet<string>? leaveOut = null)
{
    public const string NotInMoEngage = "not_in_moengage";
    public const string Unconfirmed = "unconfirmed";

    private readonly Dictionary<string, long> heldBack = [];

    /// <summary>
    /// The bodies the page's items closed, in order; items up to <paramref name="skip"/> were sent before.
    /// <paramref name="verdicts"/>: what the existence gate knows of the page's members (events only).
    /// </summary>
    public IEnumerable<BulkBody> Pack(DateOnly date, SnapshotPage page, int skip, PageVerdicts? verdicts)
    {
        var count = page.Count;
        var index = 0;
        foreach (var item in page.Items.EnumerateArray())
        {
            index++;
            if (index <= skip)
            {
                continue;
            }

            // The position after this item; the last item of a page points at the next page's start.
            var end = index == count && page.Next is not null ? new StreamPosition(page.Next, 0) : new StreamPosition(page.After, index);
            if (leaveOut is not null && IdOf(item) is { } id && leaveOut.Contains(id))
            {
                continue;
            }

            var verdict = verdicts is not null && BulkElementWriter.CustomerId(item) is { } customerId ? verdicts.Of(customerId) : MemberVerdict.Found;
            if (verdicts is { Holds: true } && verdict != MemberVerdict.Found)
            {
                var reason = verdict == MemberVerdict.NotFound ? NotInMoEngage : Unconfirmed;
                heldBack[reason] = heldBack.GetValueOrDefault(reason) + 1;
                continue;
            }

            var writer = packer.BeginElement();
            string? name = null;
            var mapped = kind == ElementKind.Customer
                ? elements.TryWriteCustomer(writer, item)
                : BulkElementWriter.TryWriteEvent(writer, item, out name);
            if (!mapped)
            {
                book.Reject(new RejectedElement(date, ReportBook.KindName(kind), 0, "snapshot item lacks customerId, name or occurredAt", item.GetRawText()));
                continue;
            }

            var (closed, oversized) = packer.Commit(kind, name, end, unconfirmed: verdict != MemberVerdict.Found, keepItems ? KeyOf(item) : null);
            if (oversized)
            {
                book.Reject(new RejectedElement(date, ReportBook.KindName(kind), 413,
                    $"element of {packer.CurrentElement.Length} bytes exceeds the {packer.MaxBodyBytes}-byte body cap on its own",
                    Encoding.UTF8.GetString(packer.CurrentElement)));
            }
            else if (heldBack.Count > 0)
            {
                // Held back before this element: counted with the body it went into.
                foreach (var (reason, held) in heldBack)
                {
                    packer.Open!.HeldBack[reason] = packer.Open.HeldBack.GetValueOrDefault(reason) + held;
                }

                heldBack.Clear();
            }

            if (closed is not null)
            {
                yield return closed;
            }
        }
    }

    private string? IdOf(JsonElement item) =>
        item.TryGetProperty(kind == ElementKind.Customer ? "memberId" : "eventId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private ItemKey? KeyOf(JsonElement item) => IdOf(item) is not { } id
        ? null
        : new ItemKey(id, item.TryGetProperty("occurredAt", out var at) && at.TryGetDateTimeOffset(out var instant) ? instant : null);

    /// <summary>The last, partly filled body of the stream, if any.</summary>
    public BulkBody? Flush() => packer.Flush();

    /// <summary>Events held back after the stream's last element, which no body carries.</summary>
    public IReadOnlyDictionary<string, long> TakeHeldBack()
    {
        var left = new Dictionary<string, long>(heldBack);
        heldBack.Clear();
        return left;
    }
}

using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Loyalife.SnapshotService.Snapshots;

/// <summary>
/// Opaque page cursors: base64url of the last key served, with a kind prefix so a members cursor is
/// not accepted for events. Keys are the sort keys themselves, so a page is a keyset query.
/// </summary>
public static class Cursors
{
    private const string MemberPrefix = "m1:";
    private const string EventPrefix = "e1:";

    public static string ForMember(string memberId) => Encode(MemberPrefix + memberId);

    /// <summary>Event key: occurred_at in microseconds since the Unix epoch (PostgreSQL's precision) and the event id.</summary>
    public static string ForEvent(long occurredAtMicros, string eventId) =>
        Encode(FormattableString.Invariant($"{EventPrefix}{occurredAtMicros}:{eventId}"));

    public static bool TryParseMember(string cursor, [NotNullWhen(true)] out string? memberId)
    {
        memberId = Decode(cursor) is { } text && text.StartsWith(MemberPrefix, StringComparison.Ordinal) ? text[MemberPrefix.Length..] : null;
        return memberId is not null;
    }

    public static bool TryParseEvent(string cursor, out long occurredAtMicros, [NotNullWhen(true)] out string? eventId)
    {
        occurredAtMicros = 0;
        eventId = null;
        if (Decode(cursor) is not { } text || !text.StartsWith(EventPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(EventPrefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !long.TryParse(rest[..colon], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out occurredAtMicros) || colon == rest.Length - 1)
        {
            return false;
        }

        eventId = rest[(colon + 1)..].ToString();
        return true;
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string? Decode(string cursor)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(cursor));
            // PostgreSQL text cannot hold NUL, so no key handed out has one; passing it on would fail the query (500).
            return text.Contains('\0', StringComparison.Ordinal) ? null : text;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return null;
        }
    }
}

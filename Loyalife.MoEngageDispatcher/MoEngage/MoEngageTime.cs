namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// The one instant form MoEngage reads as a date: <c>YYYY-MM-DDTHH:mm:ssZ</c>, UTC, truncated to the second.
/// Any other form (fractions of a second, an offset other than Z) is stored as a plain string, and
/// campaigns could no longer filter on it as a date (docs/moengage.md).
/// </summary>
public static class MoEngageTime
{
    public const int Length = 20;

    public static int Format(DateTimeOffset instant, Span<char> destination)
    {
        instant.UtcDateTime.TryFormat(destination, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return written;
    }

    public static string Format(DateTimeOffset instant)
    {
        Span<char> text = stackalloc char[Length];
        return new string(text[..Format(instant, text)]);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is an instant (a date with a time of day and a zone); a bare
    /// <c>YYYY-MM-DD</c> date is not, and stays as it is.
    /// </summary>
    public static bool TryParseInstant(ReadOnlySpan<char> text, out DateTimeOffset instant)
    {
        instant = default;
        return text.Length > 10 && text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == 't')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}

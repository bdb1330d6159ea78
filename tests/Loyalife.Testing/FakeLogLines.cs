using Microsoft.Extensions.Logging.Testing;

namespace Loyalife.Testing;

/// <summary>What a service logged into a <see cref="FakeLogCollector"/>, as text a leak check can search.</summary>
public static class FakeLogLines
{
    /// <summary>
    /// Each record as one line with everything it carries: level, category, message, structured values, the
    /// exception (with its stack) and the scopes it was written in.
    /// </summary>
    public static IReadOnlyList<string> Lines(this FakeLogCollector logs) => [.. logs.GetSnapshot().Select(Line)];

    private static string Line(FakeLogRecord record)
    {
        var values = string.Join(";", (record.StructuredState ?? []).Select(pair => $"{pair.Key}={pair.Value}"));
        return $"{record.Level} {record.Category}: {record.Message} [{values}] {record.Exception} scopes: {string.Join(";", record.Scopes)}";
    }
}

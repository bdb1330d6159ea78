namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>
/// One page of a snapshot stream, kept as the parsed document (pooled memory, no per-item objects) so the
/// items can be re-written as MoEngage elements straight from it.
/// </summary>
public sealed class SnapshotPage(JsonDocument document, string? after) : IDisposable
{
    /// <summary>The cursor this page was fetched with (null for the first page).</summary>
    public string? After { get; } = after;

    public JsonElement Items => document.RootElement.GetProperty("items");

    public int Count => Items.GetArrayLength();

    public string? Next =>
        document.RootElement.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String
            ? next.GetString()
            : null;

    public void Dispose() => document.Dispose();
}

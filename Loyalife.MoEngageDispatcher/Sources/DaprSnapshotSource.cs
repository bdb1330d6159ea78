namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>snapshot-service's API (docs/ledger.md), through Dapr service invocation.</summary>
public sealed class DaprSnapshotSource(HttpClient http) : ISnapshotSource
{
    public const string AppId = "snapshot-service";

    public Task<ProgramInfo?> GetProgramAsync(string programId, CancellationToken cancellationToken) =>
        DaprSources.GetOrNullAsync<ProgramInfo>(http, $"/v1/programs/{Uri.EscapeDataString(programId)}", AppId, cancellationToken);

    public async Task<SnapshotSummary> GetSummaryAsync(string programId, DateOnly date, CancellationToken cancellationToken) =>
        await DaprSources.GetOrNullAsync<SnapshotSummary>(http, $"{SnapshotPath(programId, date)}/summary", AppId, cancellationToken)
        ?? throw new SourceException($"{AppId} does not know program {programId}");

    public Task<SnapshotPage> GetPageAsync(
        string programId, DateOnly date, SnapshotKind kind, string? after, int limit, CancellationToken cancellationToken) =>
        GetPageAsync(http, $"{SnapshotPath(programId, date)}/{(kind == SnapshotKind.Members ? "members" : "events")}?limit={limit}", after, cancellationToken);

    /// <summary>A page at <paramref name="path"/> (its query begun), after the cursor <paramref name="after"/>; the intraday pages read alike.</summary>
    internal static async Task<SnapshotPage> GetPageAsync(HttpClient http, string path, string? after, CancellationToken cancellationToken)
    {
        if (after is not null)
        {
            path += "&after=" + Uri.EscapeDataString(after);
        }

        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await DaprSources.EnsureSuccessAsync(response, AppId, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            throw new SourceException($"{AppId} answered a page without items for {path}");
        }

        return new SnapshotPage(document, after);
    }

    private static string SnapshotPath(string programId, DateOnly date) =>
        $"/v1/programs/{Uri.EscapeDataString(programId)}/snapshots/{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

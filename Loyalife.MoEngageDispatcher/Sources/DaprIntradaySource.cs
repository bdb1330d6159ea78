namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>snapshot-service's intraday API (docs/ledger.md, "The intraday lane"), through Dapr service invocation.</summary>
public sealed class DaprIntradaySource(HttpClient http) : IIntradaySource
{
    private sealed record PassSummary(string ProgramId, string BusinessDate, DateTimeOffset CutOff, IReadOnlyDictionary<string, long>? Events);

    public async Task<PassHorizon> GetHorizonAsync(string programId, CancellationToken cancellationToken) =>
        await DaprSources.GetOrNullAsync<PassHorizon>(http, $"{Root(programId)}/horizon", DaprSnapshotSource.AppId, cancellationToken)
        ?? throw new SourceException($"{DaprSnapshotSource.AppId} does not know program {programId}");

    public async Task<SnapshotSummary> GetSummaryAsync(string programId, PassWindow window, CancellationToken cancellationToken)
    {
        var summary = await DaprSources.GetOrNullAsync<PassSummary>(http, $"{DayPath(programId, window)}/summary?{window.Query}",
            DaprSnapshotSource.AppId, cancellationToken) ?? throw new SourceException($"{DaprSnapshotSource.AppId} does not know program {programId}");
        return new SnapshotSummary(programId, summary.BusinessDate, summary.CutOff, 0, null, summary.Events);
    }

    public Task<SnapshotPage> GetPageAsync(
        string programId, PassWindow window, SnapshotKind kind, string? after, int limit, CancellationToken cancellationToken) =>
        DaprSnapshotSource.GetPageAsync(http,
            $"{DayPath(programId, window)}/{(kind == SnapshotKind.Members ? "members" : "events")}?{window.Query}&limit={limit}", after, cancellationToken);

    private static string Root(string programId) => $"/v1/programs/{Uri.EscapeDataString(programId)}/intraday";

    private static string DayPath(string programId, PassWindow window) =>
        $"{Root(programId)}/{window.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

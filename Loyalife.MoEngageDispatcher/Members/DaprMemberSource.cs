namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>snapshot-service's member reads (docs/ledger.md), through Dapr service invocation.</summary>
public sealed class DaprMemberSource(HttpClient http) : IMemberSource
{
    private sealed record Matches(IReadOnlyList<string> MemberIds);

    public Task<MemberDay?> GetMemberDayAsync(string programId, DateOnly date, string memberId, CancellationToken cancellationToken) =>
        DaprSources.GetOrNullAsync<MemberDay>(http,
            $"/v1/programs/{Uri.EscapeDataString(programId)}/snapshots/{date:yyyy-MM-dd}/members/{Uri.EscapeDataString(memberId)}",
            DaprSnapshotSource.AppId, cancellationToken);

    public async Task<IReadOnlyList<string>> FindByCustomerIdAsync(string programId, string customerId, CancellationToken cancellationToken)
    {
        var path = $"/v1/programs/{Uri.EscapeDataString(programId)}/members?customerId={Uri.EscapeDataString(customerId)}";
        var found = await DaprSources.GetOrNullAsync<Matches>(http, path, DaprSnapshotSource.AppId, cancellationToken);
        return found?.MemberIds ?? [];
    }
}

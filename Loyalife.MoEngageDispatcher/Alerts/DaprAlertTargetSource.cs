namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>settings-service's internal alert-targets endpoint, through Dapr service invocation.</summary>
public sealed class DaprAlertTargetSource(HttpClient http) : IAlertTargetSource
{
    public async Task<IReadOnlyList<AlertTarget>> GetTargetsAsync(string programId, CancellationToken cancellationToken) =>
        await DaprSources.GetOrNullAsync<List<AlertTarget>>(
            http, $"/internal/v1/programs/{Uri.EscapeDataString(programId)}/alerts/targets", DaprSettingsSource.AppId, cancellationToken)
        ?? [];
}

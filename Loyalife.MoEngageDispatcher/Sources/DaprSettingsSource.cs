namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>settings-service's internal API, through Dapr service invocation.</summary>
public sealed class DaprSettingsSource(HttpClient http) : ISettingsSource
{
    public const string AppId = "settings-service";

    public async Task<IReadOnlyList<EnabledProgram>> GetEnabledProgramsAsync(CancellationToken cancellationToken) =>
        await DaprSources.GetOrNullAsync<List<EnabledProgram>>(
            http, "/internal/v1/integrations/moengage/enabled-programs", AppId, cancellationToken)
        ?? throw new SourceException($"{AppId} does not serve the enabled-programs list");

    public Task<MoEngageCredentials?> GetCredentialsAsync(string programId, CancellationToken cancellationToken) =>
        DaprSources.GetOrNullAsync<MoEngageCredentials>(
            http, $"/internal/v1/programs/{Uri.EscapeDataString(programId)}/integrations/moengage/credentials", AppId, cancellationToken);
}

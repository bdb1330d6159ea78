using Dapr.Client;

namespace Loyalife.SettingsService.Admin;

/// <summary>Reads a program's recent sync runs from moengage-dispatcher through Dapr service invocation.</summary>
public sealed class SyncRunsClient(IConfiguration configuration, ILogger<SyncRunsClient> logger)
{
    public const string DispatcherAppId = "moengage-dispatcher";
    private readonly Lazy<HttpClient> http = new(() =>
    {
        var client = DaprClient.CreateInvokeHttpClient(
            DispatcherAppId,
            configuration["DAPR_HTTP_ENDPOINT"] is { Length: > 0 } endpoint ? endpoint : null,
            configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null);
        client.Timeout = TimeSpan.FromSeconds(5);
        return client;
    });

    /// <returns>The dispatcher's JSON, or null when it cannot be had (the page then says "unavailable").</returns>
    public async Task<string?> TryGetAsync(string programId, string? authorization, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/programs/{Uri.EscapeDataString(programId)}/sync-runs");
            // The dispatcher's history is an admin endpoint too: the admin's own credentials go along.
            if (!string.IsNullOrEmpty(authorization))
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.Value.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadAsStringAsync(ct);
            }

            logger.LogWarning("moengage-dispatcher answered HTTP {Status} for the sync runs of program {ProgramId}", (int)response.StatusCode, programId);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Sync runs of program {ProgramId} unavailable: {Error}", programId, exception.GetType().Name);
        }

        return null;
    }
}
